using System.Net;
using System.Security.Cryptography;
using FuncAuth.TestSupport;
using FuncAuth.TestSupport.Tables;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>The real worker with the clean-up timer: a bad schedule stops it at startup; a good one changes nothing else.</summary>
public sealed class CleanupStartupOverDevHostTests
{
    private static Dictionary<string, string?> Settings(string? schedule) => new()
    {
        ["TableStorage"] = TestStorage.ConnectionString,
        ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["CleanupSchedule"] = schedule,
    };

    [Theory]
    [InlineData("*/5 * * * * *")]
    [InlineData("0 * * * *")]
    public async Task TheWorkerRefusesACleanupScheduleTheHostWouldMisreadNamingTheSetting(string schedule)
    {
        await using var host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, Settings(schedule), ignoreLocalSettings: true);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.False(host.IsReady);
        Assert.Contains("CleanupSchedule", host.Output);
    }

    [Fact]
    public async Task TheWorkerWithAnHourlyCleanupScheduleLoadsTheTimerAndServesRequests()
    {
        await using var host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, Settings("0 0 * * * *"), ignoreLocalSettings: true);
        await host.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("SessionCleanup", host.Output);
    }
}
