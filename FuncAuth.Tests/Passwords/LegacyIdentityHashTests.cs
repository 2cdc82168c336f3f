using System.Buffers.Binary;
using FuncAuth.Passwords;

namespace FuncAuth.Tests.Passwords;

/// <summary>The V3 header checks: every cap exactly at its boundary, on hand-built hashes an attacker could store.</summary>
public sealed class LegacyIdentityHashTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public void IsWellFormed_IdentityPasswordHasherOutput_True() =>
        Assert.True(LegacyIdentityHash.IsWellFormed(PasswordServiceStoredHashTests.LegacyHash(Password, iterations: 1_000)));

    [Fact]
    public void IsWellFormed_SmallestValidLayout_True() =>
        Assert.True(LegacyIdentityHash.IsWellFormed(Header(saltLength: 16, totalLength: 13 + 16 + 16)));

    [Fact]
    public void IsWellFormed_SubkeyOneByteShort_False() =>
        Assert.False(LegacyIdentityHash.IsWellFormed(Header(saltLength: 16, totalLength: 13 + 16 + 15)));

    [Fact]
    public void IsWellFormed_SaltLongerThanTheValue_False() =>
        Assert.False(LegacyIdentityHash.IsWellFormed(Header(saltLength: 40, totalLength: 61)));

    [Fact]
    public void IsWellFormed_SaltFifteenBytes_False() =>
        Assert.False(LegacyIdentityHash.IsWellFormed(Header(saltLength: 15, totalLength: 61)));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(LegacyIdentityHash.MaxIterations, true)]
    [InlineData(LegacyIdentityHash.MaxIterations + 1, false)]
    public void IsWellFormed_IterationsAroundTheCaps_OnlyInsideAccepted(int iterations, bool expected) =>
        Assert.Equal(expected, LegacyIdentityHash.IsWellFormed(Header(iterations: iterations)));

    [Theory]
    [InlineData(0u, true)]
    [InlineData(2u, true)]
    [InlineData(3u, false)]
    public void IsWellFormed_Prf_OnlyKnownOnesAccepted(uint prf, bool expected) =>
        Assert.Equal(expected, LegacyIdentityHash.IsWellFormed(Header(prf: prf)));

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x02)]
    public void IsWellFormed_OtherFormatMarkerWithValidHeader_False(byte marker) =>
        Assert.False(LegacyIdentityHash.IsWellFormed(Header(marker: marker)));

    [Fact]
    public void IsWellFormed_ExactlyTheLengthCap_True()
    {
        // 192 bytes encode to exactly 256 base64 characters, the longest value still read.
        var stored = Header(saltLength: 16, totalLength: 192);

        Assert.Equal(256, stored.Length);
        Assert.True(LegacyIdentityHash.IsWellFormed(stored));
    }

    [Fact]
    public void IsWellFormed_OneBlockOverTheLengthCap_False()
    {
        var stored = Header(saltLength: 16, totalLength: 195);

        Assert.Equal(260, stored.Length);
        Assert.False(LegacyIdentityHash.IsWellFormed(stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AQAAAAEAAAPoAAAAEA")]
    [InlineData("not base64 at all!")]
    public void IsWellFormed_EmptyTruncatedOrNotBase64_False(string stored) =>
        Assert.False(LegacyIdentityHash.IsWellFormed(stored));

    [Fact]
    public void Verify_WellFormedHash_ChecksThePassword()
    {
        var stored = PasswordServiceStoredHashTests.LegacyHash(Password, iterations: 1_000);

        Assert.True(LegacyIdentityHash.Verify(stored, Password));
        Assert.False(LegacyIdentityHash.Verify(stored, Password + "!"));
    }

    private static string Header(uint prf = 1, int iterations = 10_000, uint saltLength = 16, int totalLength = 61, byte marker = 0x01)
    {
        var bytes = new byte[totalLength];
        bytes[0] = marker;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), prf);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), (uint)iterations);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), saltLength);
        return Convert.ToBase64String(bytes);
    }
}
