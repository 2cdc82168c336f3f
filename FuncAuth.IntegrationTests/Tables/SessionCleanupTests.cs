using Azure.Data.Tables;
using FuncAuth.Cleanup;
using FuncAuth.Sessions;
using FuncAuth.TestSupport.Tables;
using Microsoft.Azure.Functions.Worker;
using static FuncAuth.IntegrationTests.Tables.CleanupHarness;

namespace FuncAuth.IntegrationTests.Tables;

/// <summary>What the clean-up deletes and keeps, how it batches, and how runs resume and restart (against Azurite).</summary>
public sealed class SessionCleanupTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task ARunDeletesExactlyTheSessionsThatCanNeverBeUsedAgainAndKeepsTheRest()
    {
        await using var harness = await CreateAsync();
        var user = Records.NewId();
        var heavyUser = Records.NewId();
        var horizon = Now - RefreshLifetime;
        var kept = new List<SessionRecord>
        {
            Session(user, Now.AddDays(1)),                                                 // live
            Session(user, Now.AddSeconds(1)),                                              // refresh expires one second from now
            Session(user, Now.AddSeconds(-5), revokedAt: horizon.AddSeconds(1)),           // revoked, one second inside the horizon
            Session(user, Now.AddSeconds(1), revokedAt: horizon.AddDays(-3)),              // revoked long ago, refresh not yet expired
            Session(heavyUser, Now.AddHours(3)),                                           // live, between the heavy user's expired rows
        };
        var deleted = new List<SessionRecord>
        {
            Session(user, Now),                                                            // refresh expires exactly now
            Session(user, Now.AddSeconds(-1)),                                             // one second ago
            Session(user, Now, absoluteExpiresAt: Now),                                    // absolute lifetime over (refresh capped to it)
            Session(user, Now.AddHours(2), absoluteExpiresAt: Now.AddSeconds(-1)),         // absolute over, refresh field later than it
            Session(user, Now.AddSeconds(-5), revokedAt: horizon),                         // revoked, exactly at the horizon
            Session(user, Now.AddDays(-3), revokedAt: horizon.AddDays(-2)),                // revoked, long past it
        };
        deleted.AddRange(Expired(heavyUser, 250));                                         // > 100: three transactions
        var others = Enumerable.Range(0, 40).Select(_ => Records.NewId()).ToList();
        deleted.AddRange(others.SelectMany(u => Expired(u, 3)));
        kept.AddRange(others.Select(u => Session(u, Now.AddMinutes(10))));
        await harness.SeedAsync([.. kept, .. deleted]);

        var result = await harness.Cleaner().RunOnceAsync(Ct);

        Assert.Equal(Keys(kept), await harness.RemainingAsync());
        Assert.Equal(
            new SessionCleanupResult(1, deleted.Count + 1, deleted.Count, 0, 0, 1, 0, CleanupStopReason.PassComplete),
            result);
        // One transaction per user with expired rows (2 + 40), plus two more for the heavy user's 250 (100 + 100 + 50).
        Assert.Equal(2 + 40 + 2, harness.BatchRequests);
        var everyId = kept.Concat(deleted).SelectMany(s => new[] { s.UserId, s.SessionId }).ToHashSet();
        Assert.DoesNotContain(harness.Log.Entries, e => everyId.Any(id => e.Message.Contains(id, StringComparison.Ordinal)));
        Assert.Contains(harness.Log.Entries, e => e.EventId == 1502 && e.Message.Contains($"{deleted.Count} deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARunBoundedToNDeletionsLeavesTheRestForTheNextRunWhichResumesFromTheContinuationAndFinishes()
    {
        await using var harness = await CreateAsync();
        var users = Enumerable.Range(0, 23).Select(_ => Records.NewId()).ToList();
        var expired = users.SelectMany(u => Expired(u, 100)).ToList();                     // 2,300 rows: three scan pages
        var live = users.Select(u => Session(u, Now.AddDays(1))).ToList();
        await harness.SeedAsync([.. expired, .. live]);

        var first = await harness.Cleaner(maxDeletionsPerRun: 1_200).RunOnceAsync(Ct);

        Assert.Equal((CleanupStopReason.MaxDeletions, 1_200), (first.StopReason, first.Removed));
        Assert.Equal(expired.Count - 1_200 + live.Count, (await harness.RemainingAsync()).Count);
        var checkpoint = await harness.CheckpointAsync();
        Assert.NotNull(checkpoint.ContinuationToken);
        Assert.Equal(Now, checkpoint.PassStartedAt);

        harness.Counter.Reset();
        var second = await harness.Cleaner(maxDeletionsPerRun: 1_200).RunOnceAsync(Ct);

        Assert.Equal((CleanupStopReason.PassComplete, 1_100), (second.StopReason, second.Removed));
        Assert.Equal(Keys(live), await harness.RemainingAsync());
        Assert.Contains("NextPartitionKey", harness.ScanRequests[0], StringComparison.Ordinal);
        Assert.Equal(CleanupCheckpointAt(Now), await harness.CheckpointAsync());
    }

    [Fact]
    public async Task ARunOutOfTimeStopsBetweenBatchesAndTheNextRunFinishesTheJob()
    {
        var slowBatches = BeforeEachSendPolicy.For("POST", "$batch");
        await using var harness = await CreateAsync(slowBatches);
        var users = Enumerable.Range(0, 6).Select(_ => Records.NewId()).ToList();
        await harness.SeedAsync(users.SelectMany(u => Expired(u, 5)));

        // Each transaction "takes" a minute of the clean-up's clock: a 150-second budget lets three start, one at a time.
        slowBatches.Action = () => harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var first = await harness.Cleaner(timeBudget: TimeSpan.FromSeconds(150), maxConcurrentBatches: 1).RunOnceAsync(Ct);

        Assert.Equal((CleanupStopReason.TimeBudget, 15), (first.StopReason, first.Removed));
        Assert.Equal(15, (await harness.RemainingAsync()).Count);

        var second = await harness.Cleaner().RunOnceAsync(Ct);

        Assert.Equal((CleanupStopReason.PassComplete, 15), (second.StopReason, second.Removed));
        Assert.Empty(await harness.RemainingAsync());
    }

    [Fact]
    public async Task ABudgetSpentOnReadingThePageStillDeletesOneBatchPerRunSoRunsNeverStall()
    {
        var slowScan = BeforeEachSendPolicy.For("GET", "()");
        await using var harness = await CreateAsync(slowScan);
        var users = Enumerable.Range(0, 3).Select(_ => Records.NewId()).ToList();
        await harness.SeedAsync(users.SelectMany(u => Expired(u, 5)));
        slowScan.Action = () => harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var runs = new List<SessionCleanupResult>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await harness.Cleaner(timeBudget: TimeSpan.FromSeconds(30)).RunOnceAsync(Ct));
        }

        Assert.Equal([5, 5, 5], runs.Select(r => r.Removed));
        Assert.Equal(
            [CleanupStopReason.TimeBudget, CleanupStopReason.TimeBudget, CleanupStopReason.PassComplete],
            runs.Select(r => r.StopReason));
        Assert.Empty(await harness.RemainingAsync());
    }

    [Fact]
    public async Task ACompletedScanRestartsFromTheBeginningAndFindsSessionsThatExpiredSince()
    {
        await using var harness = await CreateAsync();
        var users = Enumerable.Range(0, 30).Select(_ => Records.NewId()).ToList();
        var expired = users.SelectMany(u => Expired(u, 40)).ToList();                      // 1,200 rows: two pages
        var expiringLater = users.Select(u => Session(u, Now.AddHours(2))).ToList();
        var live = users.Select(u => Session(u, Now.AddDays(1))).ToList();
        await harness.SeedAsync([.. expired, .. expiringLater, .. live]);
        var first = await harness.Cleaner().RunOnceAsync(Ct);
        Assert.Equal((CleanupStopReason.PassComplete, expired.Count), (first.StopReason, first.Removed));
        Assert.Null((await harness.CheckpointAsync()).ContinuationToken);

        harness.Clock.Advance(TimeSpan.FromHours(3));
        harness.Counter.Reset();
        var second = await harness.Cleaner().RunOnceAsync(Ct);

        Assert.Equal((CleanupStopReason.PassComplete, expiringLater.Count), (second.StopReason, second.Removed));
        Assert.Equal(Keys(live), await harness.RemainingAsync());
        Assert.DoesNotContain("NextPartitionKey", harness.ScanRequests[0], StringComparison.Ordinal);
        Assert.Equal(CleanupCheckpointAt(Now.AddHours(3)), await harness.CheckpointAsync());
    }

    [Fact]
    public async Task TheTimerEntryPointRunsTheCleanUpAndCreatesItsCheckpointTable()
    {
        await using var harness = await CreateAsync();
        var user = Records.NewId();
        var live = Session(user, Now.AddDays(1));
        await harness.SeedAsync([live, .. Expired(user, 3)]);
        var function = new SessionCleanupFunction(harness.Cleaner());

        await function.Run(new TimerInfo(), Ct);

        Assert.Equal(Keys([live]), await harness.RemainingAsync());
        Assert.Equal(CleanupCheckpointAt(Now), await harness.CheckpointAsync());
    }

    [Fact]
    public async Task RowsItCannotReadAreSkippedKeptAndLoggedWithoutIds()
    {
        await using var harness = await CreateAsync();
        var user = Records.NewId();
        var expired = Expired(user, 2).ToList();
        await harness.SeedAsync(expired);
        var badRevokedAt = new TableEntity(user, Records.NewId())
        {
            ["RefreshExpiresAt"] = Now.AddDays(-1), ["AbsoluteExpiresAt"] = Now.AddDays(1), ["RevokedAt"] = "yesterday",
        };
        var badRefresh = new TableEntity(user, Records.NewId())
        {
            ["RefreshExpiresAt"] = 42, ["AbsoluteExpiresAt"] = Now.AddDays(-1),
        };
        var noExpiry = new TableEntity(user, Records.NewId()) { ["Email"] = "ada@example.com" };
        foreach (var row in new[] { badRevokedAt, badRefresh, noExpiry })
        {
            await harness.Table.AddEntityAsync(row);
        }

        var result = await harness.Cleaner().RunOnceAsync(Ct);

        Assert.Equal((2, 2, CleanupStopReason.PassComplete), (result.Deleted, result.Unreadable, result.StopReason));
        Assert.Equal(
            new HashSet<(string, string)> { (user, badRevokedAt.RowKey), (user, badRefresh.RowKey), (user, noExpiry.RowKey) },
            await harness.RemainingAsync());
        var warnings = harness.Log.Entries.Where(e => e.EventId == 1503).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, m => m.Contains("RevokedAt", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("RefreshExpiresAt", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Log.Entries, e => e.Message.Contains(user, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACheckpointRowItCannotReadStartsTheScanFromTheBeginningInsteadOfFailingEveryRun()
    {
        await using var harness = await CreateAsync();
        var user = Records.NewId();
        await harness.SeedAsync(Expired(user, 5));
        var stateTable = harness.CleanupClient.GetTableClient(harness.StateTable);
        await stateTable.CreateIfNotExistsAsync();
        await stateTable.UpsertEntityAsync(new TableEntity(Storage.TableCleanupCheckpointStore.PartitionKey, harness.SessionsTable)
        {
            ["ContinuationToken"] = 12345, ["PassStartedAt"] = "last week",
        });

        var result = await harness.Cleaner().RunOnceAsync(Ct);

        Assert.Equal((CleanupStopReason.PassComplete, 5), (result.StopReason, result.Deleted));
        Assert.Empty(await harness.RemainingAsync());
        Assert.Equal(CleanupCheckpointAt(Now), await harness.CheckpointAsync());
    }

    private static Storage.CleanupCheckpoint CleanupCheckpointAt(DateTimeOffset completedAt) => new(null, null, completedAt);
}
