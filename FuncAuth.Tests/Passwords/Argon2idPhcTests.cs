using FuncAuth.Passwords;

namespace FuncAuth.Tests.Passwords;

public sealed class Argon2idPhcTests
{
    private const string Salt = "c2FsdHNhbHRzYWx0c2FsdA";
    private const string Tag = "lMPgVYwd4ZAQkOipZGNRk1H0ZPrbAaRuGKXEIUYK9t8";

    [Fact]
    public void Format_ThenTryParse_RoundTrips()
    {
        var hash = new Argon2idPhc(19456, 2, [.. Enumerable.Range(0, 16).Select(i => (byte)i)], [.. Enumerable.Range(0, 32).Select(i => (byte)(255 - i))]);

        var text = hash.Format();

        Assert.Equal("$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$//79/Pv6+fj39vX08/Lx8O/u7ezr6uno5+bl5OPi4eA", text);
        Assert.True(Argon2idPhc.TryParse(text, out var parsed));
        Assert.Equal((hash.MemoryKiB, hash.Iterations), (parsed.MemoryKiB, parsed.Iterations));
        Assert.Equal(hash.Salt, parsed.Salt);
        Assert.Equal(hash.Tag, parsed.Tag);
    }

    [Fact]
    public void TryParse_ReferenceImplementationOutput_ReadsEveryField()
    {
        Assert.True(Argon2idPhc.TryParse($"$argon2id$v=19$m=8,t=1,p=1${Salt}${Tag}", out var parsed));

        Assert.Equal((8, 1), (parsed.MemoryKiB, parsed.Iterations));
        Assert.Equal("saltsaltsaltsalt"u8.ToArray(), parsed.Salt);
        Assert.Equal(32, parsed.Tag.Length);
    }

    [Theory]
    [InlineData($"$argon2id$v=19$m=262144,t=10,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1${Salt}$AAAAAAAAAAAAAAAAAAAAAA")]
    public void TryParse_AtTheCaps_Accepted(string value) =>
        Assert.True(Argon2idPhc.TryParse(value, out _));

    [Theory]
    [InlineData("")]
    [InlineData("$argon2id$")]
    [InlineData($"$argon2i$v=19$m=8,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2d$v=19$m=8,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=16$m=8,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$m=8,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1${Salt}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1${Salt}${Tag}$")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1${Salt}${Tag}$extra")]
    [InlineData($"$argon2id$v=19$t=1,m=8,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1,k=2${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=262145,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=4294967296,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=99999999999999999999,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=7,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=-8,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=+8,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m= 8,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=\u0668,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=0,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=11,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=2${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=0${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA==${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2Fs${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdGE${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRz YWx0c2FsdA${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRz_WX0c2FsdA${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1${Salt}$")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1${Salt}$AAAAAAAAAAAAAAAAAAAA")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1${Salt}$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1${Salt}$A")]
    [InlineData($" $argon2id$v=19$m=8,t=1,p=1${Salt}${Tag}")]
    [InlineData($"$argon2id$v=19$m=8,t=1,p=1${Salt}${Tag}\n")]
    [InlineData($"$ARGON2ID$v=19$m=8,t=1,p=1${Salt}${Tag}")]
    public void TryParse_MalformedOrOutOfBounds_False(string value) =>
        Assert.False(Argon2idPhc.TryParse(value, out _));

    [Fact]
    public void TryParse_OverlongValue_FalseWithoutSplitting() =>
        Assert.False(Argon2idPhc.TryParse("$argon2id$v=19$" + new string('$', 1_000_000), out _));

    [Fact]
    public void TryParse_Null_False() =>
        Assert.False(Argon2idPhc.TryParse(null, out _));

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void TryParse_TagAroundItsCap_OnlyUpToSixtyFourBytesAccepted(int tagBytes, bool expected) =>
        Assert.Equal(expected, Argon2idPhc.TryParse($"$argon2id$v=19$m=8,t=1,p=1${Salt}${NoPadding(new byte[tagBytes])}", out _));

    [Theory]
    [InlineData(160, true)]
    [InlineData(161, false)]
    public void TryParse_ValidValueAroundTheLengthCap_RefusedOnlyBeyondIt(int length, bool expected)
    {
        // Leading zeros are digits to the parser: they stretch a valid value to any length without changing it.
        var tail = $"262144,t=10,p=1${Salt}${NoPadding(new byte[64])}";
        var value = "$argon2id$v=19$m=" + new string('0', length - 17 - tail.Length) + tail;

        Assert.Equal(length, value.Length);
        Assert.Equal(expected, Argon2idPhc.TryParse(value, out _));
    }

    private static string NoPadding(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
