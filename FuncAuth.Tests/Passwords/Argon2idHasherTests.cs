using FuncAuth.Passwords;

namespace FuncAuth.Tests.Passwords;

public sealed class Argon2idHasherTests
{
    private readonly Argon2idHasher _hasher = new(memoryKiB: 8, iterations: 1);

    [Theory]
    [InlineData(Argon2idPhc.MinMemoryKiB - 1, 1, "memoryKiB")]
    [InlineData(Argon2idPhc.MaxMemoryKiB + 1, 1, "memoryKiB")]
    [InlineData(8, 0, "iterations")]
    [InlineData(8, Argon2idPhc.MaxIterations + 1, "iterations")]
    public void Constructor_CostBeyondTheCaps_ThrowsNamingIt(int memoryKiB, int iterations, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Argon2idHasher(memoryKiB, iterations));
        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData(Argon2idPhc.MinMemoryKiB, 1)]
    [InlineData(Argon2idPhc.MaxMemoryKiB, Argon2idPhc.MaxIterations)]
    public void Constructor_CostAtTheCaps_Accepted(int memoryKiB, int iterations)
    {
        var hasher = new Argon2idHasher(memoryKiB, iterations);
        Assert.Equal((memoryKiB, iterations), (hasher.MemoryKiB, hasher.Iterations));
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(31, true)]
    [InlineData(32, false)]
    [InlineData(64, false)]
    public void IsWeakerThanCurrent_TagLength_OnlyShorterTagsAreWeaker(int tagBytes, bool weaker) =>
        Assert.Equal(weaker, _hasher.IsWeakerThanCurrent(new Argon2idPhc(8, 1, new byte[16], new byte[tagBytes])));

    [Fact]
    public void IsWeakerThanCurrent_LessMemoryOrFewerPasses_True()
    {
        var hasher = new Argon2idHasher(memoryKiB: 16, iterations: 2);

        Assert.True(hasher.IsWeakerThanCurrent(new Argon2idPhc(8, 2, new byte[16], new byte[32])));
        Assert.True(hasher.IsWeakerThanCurrent(new Argon2idPhc(16, 1, new byte[16], new byte[32])));
        Assert.False(hasher.IsWeakerThanCurrent(new Argon2idPhc(32, 3, new byte[16], new byte[32])));
    }
}
