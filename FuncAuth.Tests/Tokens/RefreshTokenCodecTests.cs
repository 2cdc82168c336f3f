using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using FuncAuth.Auth;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Tokens;

namespace FuncAuth.Tests.Tokens;

public sealed class RefreshTokenCodecTests
{
    private const string UserId = "0123456789abcdef0123456789abcdef";
    private const string SessionId = "fedcba9876543210fedcba9876543210";

    private readonly AuthOptions _options = TestAuth.Options();
    private RefreshTokenCodec Codec => TestAuth.RefreshTokens(_options);

    private static byte[] Decode(string token) => Base64Url.DecodeFromChars(token);

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(150)]
    [InlineData(int.MaxValue)]
    public void TryParse_IssuedToken_IsGenuineWithItsIdsAndGeneration(int generation)
    {
        var token = Codec.Issue(UserId, SessionId, generation);

        Assert.Equal(RefreshTokenParseResult.Genuine, Codec.TryParse(token, out var parsed));
        Assert.Equal(new ParsedRefreshToken(UserId, SessionId, generation), parsed);
    }

    [Fact]
    public void Issue_Always_IsUnpaddedBase64UrlOf69Bytes()
    {
        var token = Codec.Issue(UserId, SessionId, 7);

        Assert.Equal(92, RefreshTokenCodec.EncodedLength);
        Assert.Equal(RefreshTokenCodec.EncodedLength, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(RefreshTokenCodec.TokenByteLength, Decode(token).Length);
        Assert.Equal(RefreshTokenCodec.Version, Decode(token)[0]);
    }

    [Fact]
    public void Issue_SameSessionAndGeneration_IsTheSameToken()
    {
        // Deterministic: the successor of a token is the same for every request that asks for it (retries, racing tabs).
        Assert.Equal(Codec.Issue(UserId, SessionId, 3), Codec.Issue(UserId, SessionId, 3));
    }

    [Fact]
    public void Issue_OtherGenerationSessionOrKey_IsAnotherToken()
    {
        var token = Codec.Issue(UserId, SessionId, 3);

        Assert.NotEqual(token, Codec.Issue(UserId, SessionId, 4));
        Assert.NotEqual(token, Codec.Issue(UserId, "00000000000000000000000000000000", 3));
        Assert.NotEqual(token, TestAuth.RefreshTokens(TestAuth.Options()).Issue(UserId, SessionId, 3));
    }

    [Fact]
    public void TryParse_RealIdsWithRandomMac_IsForged()
    {
        // What an attacker can build from public ids (the sid is in every access token, the user id in responses).
        var bytes = Decode(Codec.Issue(UserId, SessionId, 0));
        RandomNumberGenerator.Fill(bytes.AsSpan(37));

        Assert.Equal(RefreshTokenParseResult.Forged, Codec.TryParse(Encode(bytes), out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void TryParse_GenerationChangedInGenuineToken_IsForged()
    {
        var bytes = Decode(Codec.Issue(UserId, SessionId, 0));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(33, 4), 5);

        Assert.Equal(RefreshTokenParseResult.Forged, Codec.TryParse(Encode(bytes), out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(36)]
    [InlineData(37)]
    [InlineData(68)]
    public void TryParse_AnyBitFlipped_IsNotGenuine(int index)
    {
        var bytes = Decode(Codec.Issue(UserId, SessionId, 2));
        bytes[index] ^= 0x01;

        Assert.NotEqual(RefreshTokenParseResult.Genuine, Codec.TryParse(Encode(bytes), out _));
    }

    [Fact]
    public void TryParse_TokenOfAnotherServersKey_IsForged()
    {
        var foreign = TestAuth.RefreshTokens(TestAuth.Options()).Issue(UserId, SessionId, 0);

        Assert.Equal(RefreshTokenParseResult.Forged, Codec.TryParse(foreign, out _));
    }

    [Fact]
    public void TryParse_AfterKeyRotation_OldKeyStillVerifiesAndNewKeyMints()
    {
        var oldKey = new SigningKeyOptions { Id = "old", Key = TestAuth.NewKey() };
        var newKey = new SigningKeyOptions { Id = "new", Key = TestAuth.NewKey() };
        var before = TestAuth.RefreshTokens(TestAuth.Options(o => o.SigningKeys = [oldKey])).Issue(UserId, SessionId, 1);
        var rotated = TestAuth.RefreshTokens(TestAuth.Options(o => o.SigningKeys = [oldKey, newKey]));
        var newOnly = TestAuth.RefreshTokens(TestAuth.Options(o => o.SigningKeys = [newKey]));

        Assert.Equal(RefreshTokenParseResult.Genuine, rotated.TryParse(before, out _));
        Assert.Equal(RefreshTokenParseResult.Genuine, newOnly.TryParse(rotated.Issue(UserId, SessionId, 1), out _));
        Assert.Equal(RefreshTokenParseResult.Forged, newOnly.TryParse(before, out _));
    }

    [Fact]
    public void RefreshTokenKeyRing_DerivedKey_IsNotTheSigningKey()
    {
        var ring = new SigningKeyRing(_options);
        var refresh = new RefreshTokenKeyRing(ring.Secrets);

        Assert.NotEqual(ring.Secrets[^1], refresh.CurrentKey);
        Assert.Equal(32, refresh.CurrentKey.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAA")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public void TryParse_Garbage_IsMalformed(string? token) =>
        Assert.Equal(RefreshTokenParseResult.Malformed, Codec.TryParse(token, out _));

    [Theory]
    [InlineData(68)]
    [InlineData(70)]
    [InlineData(64)]
    public void TryParse_WrongDecodedLength_IsMalformed(int bytes) =>
        Assert.Equal(RefreshTokenParseResult.Malformed, Codec.TryParse(Encode(RandomNumberGenerator.GetBytes(bytes)), out _));

    [Fact]
    public void TryParse_OldSixtyFourByteFormat_IsMalformed()
    {
        // Tokens issued before this format (16 + 16 + 32 random bytes) are refused, never misread.
        Assert.Equal(RefreshTokenParseResult.Malformed, Codec.TryParse(Encode(RandomNumberGenerator.GetBytes(64)), out _));
    }

    [Fact]
    public void TryParse_UnknownVersion_IsMalformed()
    {
        var bytes = Decode(Codec.Issue(UserId, SessionId, 0));
        bytes[0] = 2;

        Assert.Equal(RefreshTokenParseResult.Malformed, Codec.TryParse(Encode(bytes), out _));
    }

    [Fact]
    public void TryParse_NegativeGeneration_IsMalformed()
    {
        var bytes = Decode(Codec.Issue(UserId, SessionId, 0));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(33, 4), -1);

        Assert.Equal(RefreshTokenParseResult.Malformed, Codec.TryParse(Encode(bytes), out _));
    }

    [Fact]
    public void TryParse_Padded_IsMalformed() =>
        Assert.Equal(RefreshTokenParseResult.Malformed, Codec.TryParse(Codec.Issue(UserId, SessionId, 0) + "=", out _));

    [Fact]
    public void TryParse_StandardBase64Alphabet_IsMalformed()
    {
        // The same bytes spelled with '+' or '/' are another string: one token has exactly one accepted form.
        var token = Enumerable.Range(0, 1000).Select(g => Codec.Issue(UserId, SessionId, g)).First(t => t.Contains('-') || t.Contains('_'));
        var standard = token.Replace('-', '+').Replace('_', '/');

        Assert.Equal(RefreshTokenParseResult.Malformed, Codec.TryParse(standard, out _));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\n")]
    public void TryParse_WhitespaceInside_IsMalformed(string whitespace)
    {
        var token = Codec.Issue(UserId, SessionId, 0);
        var spaced = token[..40] + whitespace + token[41..];

        Assert.Equal(token.Length, spaced.Length);
        Assert.Equal(RefreshTokenParseResult.Malformed, Codec.TryParse(spaced, out _));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("zz23456789abcdef0123456789abcdef")]
    public void Issue_InvalidId_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => Codec.Issue(id, SessionId, 0));

    [Fact]
    public void Issue_NegativeGeneration_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Codec.Issue(UserId, SessionId, -1));
}
