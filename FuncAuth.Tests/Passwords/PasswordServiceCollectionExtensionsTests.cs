using FuncAuth.Passwords;
using FuncAuth.TestSupport.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Tests.Passwords;

public sealed class PasswordServiceCollectionExtensionsTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddPasswords();
        return builder.Build();
    }

    [Fact]
    public async Task AddPasswords_EnvironmentStyleSettings_BindEveryServiceAndHashWithThem()
    {
        using var host = BuildHost(new()
        {
            ["Auth:Passwords:MinLength"] = "20",
            ["Auth:Passwords:MaxLength"] = "64",
            ["Auth:Passwords:MaxConcurrentHashes"] = "3",
            ["Auth:Passwords:HashQueueLength"] = "5",
            ["Auth:Passwords:HashQueueTimeout"] = "00:00:02",
            ["Auth:Passwords:Argon2:MemoryKiB"] = "9216",
            ["Auth:Passwords:Argon2:Iterations"] = "4",
        });
        await host.StartAsync();

        var gate = host.Services.GetRequiredService<HashingGate>();
        Assert.Equal((3, 5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)), (gate.MaxConcurrentHashes, gate.QueueLength, gate.QueueTimeout, gate.RetryAfter));
        var policy = host.Services.GetRequiredService<PasswordPolicy>();
        Assert.Equal((20, 64), (policy.MinLength, policy.MaxLength));
        Assert.Equal(PasswordProblem.TooShort, policy.Check("nineteen characters").Problem);

        var passwords = host.Services.GetRequiredService<PasswordService>();
        Assert.Same(gate, passwords.Gate);
        Assert.StartsWith("$argon2id$v=19$m=9216,t=4,p=1$", await passwords.HashAsync("twenty characters long!"), StringComparison.Ordinal);
        Assert.Same(PasswordBlocklist.Embedded, host.Services.GetRequiredService<PasswordBlocklist>());
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Auth:Passwords:MinLength", "7", "Auth__Passwords__MinLength")]
    [InlineData("Auth:Passwords:Argon2:MemoryKiB", "4096", "Auth__Passwords__Argon2__MemoryKiB")]
    [InlineData("Auth:Passwords:Argon2:Iterations", "1", "Auth__Passwords__Argon2__Iterations")]
    [InlineData("Auth:Passwords:Argon2:Parallelism", "4", "Auth__Passwords__Argon2__Parallelism")]
    [InlineData("Auth:Passwords:HashQueueTimeout", "00:00:00", "Auth__Passwords__HashQueueTimeout")]
    public async Task AddPasswords_InvalidSetting_StartFailsNamingIt(string key, string value, string setting)
    {
        using var host = BuildHost(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPasswords_NoSettings_ProductionDefaults()
    {
        using var host = BuildHost([]);

        var options = host.Services.GetRequiredService<IOptions<PasswordOptions>>().Value;
        var gate = host.Services.GetRequiredService<HashingGate>();

        Assert.Equal((19456, 2), (options.Argon2.MemoryKiB, options.Argon2.Iterations));
        Assert.Equal((Environment.ProcessorCount, 4 * Environment.ProcessorCount), (gate.MaxConcurrentHashes, gate.QueueLength));
    }

    [Fact]
    public void AddPasswords_NullBuilder_ThrowsArgumentNull() =>
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((IHostApplicationBuilder)null!).AddPasswords()).ParamName);
}
