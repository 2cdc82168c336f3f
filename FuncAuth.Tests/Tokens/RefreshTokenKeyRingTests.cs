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

    [Fact]
    public void Issue_KnownSecret_MatchesTheVersion1Derivation()
    {
        // Computed independently (HMAC-SHA256 of the secret under the documented label, then of the 37 signed bytes):
        // tokens issued before an upgrade must still verify after it, so the derivation may never drift.
        var secret = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var codec = new RefreshTokenCodec(new RefreshTokenKeyRing([secret]));

        Assert.Equal(
            "AQEjRWeJq83vASNFZ4mrze_-3LqYdlQyEP7cuph2VDIQAAAABwtNPntF1ZVnzT55Y_u-Q3JWgPfGTsflsYUhcDXBfpUJ",
            codec.Issue(UserId, SessionId, 7));
    }
}
