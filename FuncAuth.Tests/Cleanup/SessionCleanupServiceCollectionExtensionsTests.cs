using FuncAuth.Auth;
using FuncAuth.Cleanup;
using FuncAuth.Storage;
using FuncAuth.TestSupport.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Tests.Cleanup;

public sealed class SessionCleanupServiceCollectionExtensionsTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = TestAuth.NewKey(),
            ["TableStorage"] = "UseDevelopmentStorage=true",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddAuth();
        builder.AddTableStorage();
        builder.AddSessionCleanup();
        return builder.Build();
    }

    [Fact]
    public async Task AddSessionCleanup_EnvironmentStyleSettings_BoundAndTheCleanerResolves()
    {
        using var host = BuildHost(new()
        {
            ["CleanupSchedule"] = " 0 30 */2 * * * ",
            ["Cleanup:MaxDeletionsPerRun"] = "5000",
            ["Cleanup:TimeBudget"] = "00:01:30",
            ["Cleanup:MaxConcurrentBatches"] = "2",
            ["Cleanup:StateTable"] = "cleanupcheckpoints",
        });
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<SessionCleanupOptions>>().Value;
        Assert.Equal(("0 30 */2 * * *", 5000, TimeSpan.FromSeconds(90), 2, "cleanupcheckpoints"),
            (options.Schedule, options.MaxDeletionsPerRun, options.TimeBudget, options.MaxConcurrentBatches, options.StateTable));
        Assert.Same(host.Services.GetRequiredService<SessionCleaner>(), host.Services.GetRequiredService<SessionCleaner>());
        await host.StopAsync();
    }

    [Fact]
    public async Task AddSessionCleanup_NoSettings_DefaultsAndStarts()
    {
        using var host = BuildHost([]);
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<SessionCleanupOptions>>().Value;
        Assert.Equal(((string?)null, 100_000, TimeSpan.FromMinutes(4), 4, "sessioncleanup"),
            (options.Schedule, options.MaxDeletionsPerRun, options.TimeBudget, options.MaxConcurrentBatches, options.StateTable));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("CleanupSchedule", "0 * * * *", "CleanupSchedule")]                 // five fields: cron without seconds
    [InlineData("CleanupSchedule", "*/5 * * * * *", "CleanupSchedule")]             // every 5 seconds
    [InlineData("CleanupSchedule", "0 0 0 30 2 *", "CleanupSchedule")]              // 30 February: never fires
    [InlineData("CleanupSchedule", "0 61 * * * *", "CleanupSchedule")]
    [InlineData("CleanupSchedule", "01:00:00", "CleanupSchedule")]                  // TimeSpan: not on consumption plans
    [InlineData("Cleanup:MaxDeletionsPerRun", "0", "Cleanup__MaxDeletionsPerRun")]
    [InlineData("Cleanup:TimeBudget", "00:00:00", "Cleanup__TimeBudget")]
    [InlineData("Cleanup:TimeBudget", "00:30:00", "Cleanup__TimeBudget")]
    [InlineData("Cleanup:MaxConcurrentBatches", "0", "Cleanup__MaxConcurrentBatches")]
    [InlineData("Cleanup:MaxConcurrentBatches", "33", "Cleanup__MaxConcurrentBatches")]
    [InlineData("Cleanup:StateTable", "session-cleanup", "Cleanup__StateTable")]
    public async Task AddSessionCleanup_InvalidSetting_StartFailsNamingIt(string key, string value, string setting)
    {
        using var host = BuildHost(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0 * * * *")]
    [InlineData("0 */15 * * * *")]
    [InlineData("0 0 3 * * 1-5")]
    [InlineData("0 0 0 29 2 *")]
    public void NcrontabSchedule_ScheduleTheHostAccepts_Valid(string schedule)
    {
        Assert.True(new NcrontabScheduleAttribute().IsValid(schedule));
    }

    [Fact]
    public void CreateClientOptions_Always_OutlastTheServicesFiveSecondQueryAndRetry()
    {
        var options = SessionCleanupServiceCollectionExtensions.CreateClientOptions();

        Assert.True(options.Retry.NetworkTimeout > TimeSpan.FromSeconds(5));
        Assert.True(options.Retry.MaxRetries >= 1);
    }
}
