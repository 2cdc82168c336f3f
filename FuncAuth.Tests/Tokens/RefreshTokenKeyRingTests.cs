using System.Security.Cryptography;
using FuncAuth.Tokens;

namespace FuncAuth.Tests.Tokens;

public sealed class RefreshTokenKeyRingTests
{
    private const string UserId = "0123456789abcdef0123456789abcdef";
    private const string SessionId = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void Constructor_NullSecrets_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => new RefreshTokenKeyRing(null!));

    [Fact]
    public void Constructor_NoSecrets_ThrowsSayingOneIsRequired()
    {
        var error = Assert.Throws<ArgumentException>(() => new RefreshTokenKeyRing([]));

        Assert.Contains("signing secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SameSecretConfiguredTwice_StillGenuine()
    {
        // A rotation that re-adds a key under a new id: two ring keys match the token's MAC, which must not cancel out.
        var secret = RandomNumberGenerator.GetBytes(32);
        var codec = new RefreshTokenCodec(new RefreshTokenKeyRing([secret, secret]));

        var token = codec.Issue(UserId, SessionId, 3);

        Assert.Equal(RefreshTokenParseResult.Genuine, codec.TryParse(token, out var parsed));
        Assert.Equal(new ParsedRefreshToken(UserId, SessionId, 3), parsed);
    }

    [Fact]
    public void TryParse_TokenOfEitherOfTwoKeys_GenuineAndOnlyTheNewestMints()
    {
        var older = RandomNumberGenerator.GetBytes(32);
        var newer = RandomNumberGenerator.GetBytes(32);
        var before = new RefreshTokenCodec(new RefreshTokenKeyRing([older]));
        var after = new RefreshTokenCodec(new RefreshTokenKeyRing([older, newer]));
        var newerOnly = new RefreshTokenCodec(new RefreshTokenKeyRing([newer]));

        var oldToken = before.Issue(UserId, SessionId, 0);
        var newToken = after.Issue(UserId, SessionId, 0);

        Assert.Equal(RefreshTokenParseResult.Genuine, after.TryParse(oldToken, out _));
        Assert.Equal(RefreshTokenParseResult.Genuine, newerOnly.TryParse(newToken, out _));
        Assert.Equal(RefreshTokenParseResult.Forged, newerOnly.TryParse(oldToken, out _));
    }
}
