using FuncAuth.Passwords;

namespace FuncAuth.Tests.Passwords;

public sealed class PasswordOptionsValidatorTests
{
    private static string[] Failures(Action<PasswordOptions> configure)
    {
        var options = new PasswordOptions();
        configure(options);
        var result = new PasswordOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.Empty(Failures(_ => { }));

    [Fact]
    public void Defaults_Always_AreTheDocumentedValues()
    {
        var options = new PasswordOptions();

        Assert.Equal((15, 128), (options.MinLength, options.MaxLength));
        Assert.Equal((19456, 2, 1), (options.Argon2.MemoryKiB, options.Argon2.Iterations, options.Argon2.Parallelism));
        Assert.Equal(Environment.ProcessorCount, options.MaxConcurrentHashes);
        Assert.Equal(4 * Environment.ProcessorCount, options.EffectiveHashQueueLength);
        Assert.Equal(TimeSpan.FromSeconds(1), options.HashQueueTimeout);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public void Validate_MinLengthAroundNistFloor_NamesTheSetting(int minLength, bool valid) =>
        AssertNamed(Failures(o => o.MinLength = minLength), valid, "Auth__Passwords__MinLength must be at least 8");

    [Theory]
    [InlineData(63, false)]
    [InlineData(64, true)]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    public void Validate_MaxLengthBounds_NamesTheSetting(int maxLength, bool valid) =>
        AssertNamed(Failures(o => (o.MinLength, o.MaxLength) = (8, maxLength)), valid, "Auth__Passwords__MaxLength must be at least 64");

    [Fact]
    public void Validate_MaxLengthBelowMinLength_NamesBothSettings() =>
        AssertNamed(Failures(o => (o.MinLength, o.MaxLength) = (100, 64)), valid: false,
            "Auth__Passwords__MaxLength (64) must be at least Auth__Passwords__MinLength (100)");

    [Fact]
    public void Validate_MaxLengthEqualToMinLength_Succeeds() =>
        Assert.Empty(Failures(o => (o.MinLength, o.MaxLength) = (64, 64)));

    [Fact]
    public void Validate_Argon2BelowOwaspFloor_MessageListsEveryConfiguration() =>
        AssertNamed(Failures(o => (o.Argon2.MemoryKiB, o.Argon2.Iterations) = (19455, 2)), valid: false,
            "Auth__Passwords__Argon2__MemoryKiB=19455 with Auth__Passwords__Argon2__Iterations=2 is weaker than OWASP's floor: " +
            "reach one of m=47104/t=1, m=19456/t=2, m=12288/t=3, m=9216/t=4, m=7168/t=5 (p=1) in both memory and iterations");

    [Theory]
    [InlineData(47104, 1, true)]
    [InlineData(47103, 1, false)]
    [InlineData(19456, 2, true)]
    [InlineData(19455, 2, false)]
    [InlineData(19456, 1, false)]
    [InlineData(12288, 3, true)]
    [InlineData(12287, 3, false)]
    [InlineData(9216, 4, true)]
    [InlineData(9215, 4, false)]
    [InlineData(7168, 5, true)]
    [InlineData(7168, 4, false)]
    [InlineData(262144, 10, true)]
    public void Validate_Argon2AgainstOwaspList_FloorEnforced(int memoryKiB, int iterations, bool valid) =>
        AssertNamed(Failures(o => (o.Argon2.MemoryKiB, o.Argon2.Iterations) = (memoryKiB, iterations)), valid,
            "Auth__Passwords__Argon2__MemoryKiB=");

    [Theory]
    [InlineData(262145, 2, "Auth__Passwords__Argon2__MemoryKiB must be between 7168 and 262144")]
    [InlineData(7167, 10, "Auth__Passwords__Argon2__MemoryKiB must be between 7168 and 262144")]
    [InlineData(19456, 11, "Auth__Passwords__Argon2__Iterations must be between 1 and 10")]
    [InlineData(47104, 0, "Auth__Passwords__Argon2__Iterations must be between 1 and 10")]
    public void Validate_Argon2BeyondCaps_NamesTheSetting(int memoryKiB, int iterations, string message) =>
        AssertNamed(Failures(o => (o.Argon2.MemoryKiB, o.Argon2.Iterations) = (memoryKiB, iterations)), valid: false, message);

    [Fact]
    public void Validate_ParallelismTwo_NamesTheSetting() =>
        AssertNamed(Failures(o => o.Argon2.Parallelism = 2), valid: false, "Auth__Passwords__Argon2__Parallelism must be 1");

    [Fact]
    public void Validate_Argon2Missing_NamesTheSetting() =>
        AssertNamed(Failures(o => o.Argon2 = null!), valid: false, "Auth__Passwords__Argon2 is required");

    [Theory]
    [InlineData(0, "Auth__Passwords__MaxConcurrentHashes")]
    [InlineData(1025, "Auth__Passwords__MaxConcurrentHashes")]
    public void Validate_MaxConcurrentHashesOutOfRange_NamesTheSetting(int k, string setting) =>
        AssertNamed(Failures(o => o.MaxConcurrentHashes = k), valid: false, setting);

    [Fact]
    public void Validate_NegativeQueueLength_NamesTheSetting() =>
        AssertNamed(Failures(o => o.HashQueueLength = -1), valid: false, "Auth__Passwords__HashQueueLength");

    [Fact]
    public void Validate_ZeroQueueLength_Succeeds() =>
        Assert.Empty(Failures(o => o.HashQueueLength = 0));

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:30.001")]
    public void Validate_QueueTimeoutOutOfRange_NamesTheSetting(string timeout) =>
        AssertNamed(Failures(o => o.HashQueueTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture)),
            valid: false, "Auth__Passwords__HashQueueTimeout must be between");

    private static void AssertNamed(string[] failures, bool valid, string expected)
    {
        if (valid)
        {
            Assert.Empty(failures);
        }
        else
        {
            Assert.Contains(failures, f => f.Contains(expected, StringComparison.Ordinal));
        }
    }
}
