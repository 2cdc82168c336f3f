using System.Diagnostics;
using System.Globalization;
using FuncAuth.Cleanup;
using Xunit.Abstractions;
using static FuncAuth.IntegrationTests.Tables.CleanupHarness;

namespace FuncAuth.IntegrationTests.Tables;

/// <summary>
/// The deletion rate, printed (never asserted: the machine is shared), one transaction at a time and with the default
/// concurrency, in one run so that their ratio means something. <c>bench/session-cleanup.sh</c> runs it with 10,000
/// sessions; in the suite it runs with 1,000. <c>FUNCAUTH_CLEANUP_BENCH_SESSIONS</c> and
/// <c>FUNCAUTH_CLEANUP_BENCH_PER_USER</c> change the shape.
/// </summary>
public sealed class SessionCleanupThroughputTests(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;

    [Fact]
    public async Task ExpiredSessionsOfManyUsersAreAllDeletedInOneTransactionPerUserAndTheRateIsReported()
    {
        var sessions = Setting("FUNCAUTH_CLEANUP_BENCH_SESSIONS", 1_000);
        var perUser = Math.Min(Setting("FUNCAUTH_CLEANUP_BENCH_PER_USER", 10), 100);

        var sequential = await MeasureAsync(sessions, perUser, maxConcurrentBatches: 1);
        var concurrent = await MeasureAsync(sessions, perUser, new SessionCleanupOptions().MaxConcurrentBatches);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"session clean-up: default concurrency / one at a time = {concurrent / sequential:F2}"));
    }

    private async Task<double> MeasureAsync(int sessions, int perUser, int maxConcurrentBatches)
    {
        await using var harness = await CreateAsync();
        var users = Enumerable.Range(0, sessions / perUser).Select(_ => Records.NewId()).ToList();
        var live = users.Select(u => Session(u, Now.AddDays(1))).ToList();
        await harness.SeedAsync([.. users.SelectMany(u => Expired(u, perUser)), .. live]);

        var elapsed = Stopwatch.StartNew();
        var result = await harness.Cleaner(maxConcurrentBatches: maxConcurrentBatches).RunOnceAsync(CancellationToken.None);
        elapsed.Stop();

        Assert.Equal((users.Count * perUser, CleanupStopReason.PassComplete), (result.Deleted, result.StopReason));
        Assert.Equal(Keys(live), await harness.RemainingAsync());
        Assert.Equal(users.Count, harness.BatchRequests);
        var seconds = elapsed.Elapsed.TotalSeconds;
        var rate = result.Deleted / seconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"session clean-up, {maxConcurrentBatches} transaction(s) at a time: {result.Deleted} expired sessions of {users.Count} users " +
            $"({users.Count * (perUser + 1)} rows) in {seconds:F2} s: {rate:F0} sessions/s, {harness.BatchRequests / seconds:F0} delete transactions/s, " +
            $"{result.Pages} query pages, {harness.Counter.Count} requests in all"));
        return rate;
    }
}
