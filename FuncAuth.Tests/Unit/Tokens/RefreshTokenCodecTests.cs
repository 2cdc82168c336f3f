using System.Buffers.Text;
using FuncAuth.Tokens;

namespace FuncAuth.Tests.Unit.Tokens;

public sealed class RefreshTokenCodecTests
{
    private const string UserId = "0123456789abcdef0123456789abcdef";
    private const string SessionId = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void TryParse_CreatedToken_ReturnsIdsAndSameHash()
    {
        var created = RefreshTokenCodec.Create(UserId, SessionId);

        Assert.True(RefreshTokenCodec.TryParse(created.Token, out var parsed));
        Assert.Equal(new ParsedRefreshToken(UserId, SessionId, created.Hash), parsed);
    }

    [Fact]
    public void Create_UpperCaseHexIds_ParseBackLowerCase()
    {
        var created = RefreshTokenCodec.Create(UserId.ToUpperInvariant(), SessionId);

        Assert.True(RefreshTokenCodec.TryParse(created.Token, out var parsed));
        Assert.Equal(UserId, parsed.UserId);
    }

    [Fact]
    public void Create_Always_IsUnpaddedBase64UrlOf64Bytes()
    {
        var token = RefreshTokenCodec.Create(UserId, SessionId).Token;

        Assert.Equal(86, token.Length);
        Assert.DoesNotContain('=', token);
        Assert.Equal(RefreshTokenCodec.TokenByteLength, Base64Url.DecodeFromChars(token).Length);
    }

    [Fact]
    public void Create_Hash_IsBase64UrlSha256NotTheToken()
    {
        var created = RefreshTokenCodec.Create(UserId, SessionId);

        Assert.Equal(32, Base64Url.DecodeFromChars(created.Hash).Length);
        Assert.DoesNotContain(created.Hash, created.Token, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameSession_HashDiffersPerToken()
    {
        var hashes = Enumerable.Range(0, 100).Select(_ => RefreshTokenCodec.Create(UserId, SessionId).Hash).ToHashSet();
        Assert.Equal(100, hashes.Count);
    }

    [Fact]
    public void Create_Secret_Has256BitsOfRandomness()
    {
        // 200 secrets of 32 bytes: every secret is distinct and every one of the 256 bit positions takes both values,
        // which a short or partly constant secret (e.g. 16 random bytes zero-padded) would not.
        var secrets = Enumerable.Range(0, 200)
            .Select(_ => Base64Url.DecodeFromChars(RefreshTokenCodec.Create(UserId, SessionId).Token)[32..])
            .ToList();

        Assert.All(secrets, s => Assert.Equal(RefreshTokenCodec.SecretByteLength, s.Length));
        Assert.Equal(secrets.Count, secrets.Select(Convert.ToHexString).Distinct().Count());
        for (var bit = 0; bit < 256; bit++)
        {
            var set = secrets.Count(s => (s[bit / 8] & (1 << (bit % 8))) != 0);
            Assert.InRange(set, 1, secrets.Count - 1);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAA")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public void TryParse_Malformed_ReturnsFalse(string? token) => Assert.False(RefreshTokenCodec.TryParse(token, out _));

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(128)]
    public void TryParse_WrongDecodedLength_ReturnsFalse(int bytes) =>
        Assert.False(RefreshTokenCodec.TryParse(Base64Url.EncodeToString(new byte[bytes]), out _));

    [Fact]
    public void TryParse_Padded_ReturnsFalse() =>
        Assert.False(RefreshTokenCodec.TryParse(RefreshTokenCodec.Create(UserId, SessionId).Token + "==", out _));

    [Fact]
    public void TryParse_StandardBase64Alphabet_ReturnsFalse()
    {
        var bytes = Enumerable.Repeat((byte)0xfb, 64).ToArray();
        Assert.False(RefreshTokenCodec.TryParse(Convert.ToBase64String(bytes).TrimEnd('='), out _));
        Assert.True(RefreshTokenCodec.TryParse(Base64Url.EncodeToString(bytes), out _));
    }

    [Fact]
    public void TryParse_NonCanonicalTrailingBits_ReturnsFalse()
    {
        var token = Base64Url.EncodeToString(new byte[64]);
        Assert.EndsWith("A", token, StringComparison.Ordinal);

        Assert.False(RefreshTokenCodec.TryParse(token[..^1] + "B", out _));
    }

    [Fact]
    public void TryParse_OneCharacterChanged_GivesDifferentHash()
    {
        var created = RefreshTokenCodec.Create(UserId, SessionId);
        var replacement = created.Token[^5] == 'A' ? 'B' : 'A';
        var edited = created.Token[..^5] + replacement + created.Token[^4..];

        Assert.True(RefreshTokenCodec.TryParse(edited, out var parsed));
        Assert.NotEqual(created.Hash, parsed.Hash);
    }

    [Fact]
    public void HashesEqual_SameAndDifferent_ComparesValues()
    {
        var a = RefreshTokenCodec.Create(UserId, SessionId).Hash;
        var b = RefreshTokenCodec.Create(UserId, SessionId).Hash;

        Assert.True(RefreshTokenCodec.HashesEqual(a, new string(a.ToCharArray())));
        Assert.False(RefreshTokenCodec.HashesEqual(a, b));
        Assert.False(RefreshTokenCodec.HashesEqual(a, null));
        Assert.False(RefreshTokenCodec.HashesEqual(a, a[..^1]));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("zz23456789abcdef0123456789abcdef")]
    public void Create_InvalidId_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => RefreshTokenCodec.Create(id, SessionId));
}
