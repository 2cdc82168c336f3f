using Azure.Core;
using FuncAuth.Cleanup;
using FuncAuth.TestSupport.Tables;
using static FuncAuth.IntegrationTests.Tables.CleanupHarness;

namespace FuncAuth.IntegrationTests.Tables;

/// <summary>
/// The clean-up against what happens between its scan and its delete: lost answers retried by the SDK, logouts,
/// revocations and rotations on other instances, and a second run at the same time (against Azurite).
/// </summary>
public sealed class SessionCleanupRaceTests
{
    private static CancellationToken Ct => CancellationToken.None;

    private static bool IsBatch(HttpMessage message) =>
        message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.Contains("$batch", StringComparison.Ordinal);

    [Fact]
    public async Task ABatchWhoseResponseIsLostDoesNotFailTheRunOrLeaveRowsBehind()
    {
        var lost = LostResponsePolicy.For("POST", "$batch");
        await using var harness = await CreateAsync(lost);
        var user = Records.NewId();
        var other = Records.NewId();
        var expired = Expired(user, 150).Concat(Expired(other, 7)).ToList();
        var live = new[] { Session(user, Now.AddDays(1)), Session(other, Now.AddDays(1)) };
        await harness.SeedAsync([.. expired, .. live]);
        lost.Armed = true;

        var result = await harness.Cleaner().RunOnceAsync(Ct);

        Assert.True(lost.Fired);
        Assert.Equal(Keys(live), await harness.RemainingAsync());
        // The first transaction to be sent (the user's 100 or 50, or the other user's 7: up to four are in flight at
        // once) landed; its resend found them gone and the run went on.
        int[] firstTransactionSizes = [100, 50, 7];
        Assert.Contains(result.AlreadyGone, firstTransactionSizes);
        Assert.Equal((expired.Count, 0, CleanupStopReason.PassComplete), (result.Removed, result.Changed, result.StopReason));
    }

    [Fact]
    public async Task ASessionLoggedOutBetweenTheScanAndTheDeleteIsFineAndTheRestOfItsBatchIsDeleted()
    {
        var harnessRef = new StrongBox<CleanupHarness>();
        var user = Records.NewId();
        var expired = Expired(user, 60).ToList();
        var loggedOut = expired.MinBy(s => s.SessionId, StringComparer.Ordinal)!;
        var logout = new BeforeSendPolicy(IsBatch, () => harnessRef.Value!.Store.DeleteAsync(user, loggedOut.SessionId, Ct));
        await using var harness = harnessRef.Value = await CreateAsync(logout);
        await harness.SeedAsync(expired);

        var result = await harness.Cleaner().RunOnceAsync(Ct);

        Assert.Empty(await harness.RemainingAsync());
        Assert.Equal((59, 1, 0), (result.Deleted, result.AlreadyGone, result.Changed));
        Assert.Equal(2, harness.BatchRequests);
    }

    [Fact]
    public async Task ASessionRevokedBetweenTheScanAndTheDeleteIsKeptForItsReplayHorizon()
    {
        var harnessRef = new StrongBox<CleanupHarness>();
        var user = Records.NewId();
        // Refresh expired but the session's absolute lifetime is not over: an old token replayed now still revokes it.
        var expired = Expired(user, 30).ToList();
        var revoked = expired[17];
        var replay = new BeforeSendPolicy(IsBatch, () => harnessRef.Value!.Store.RevokeAsync(user, revoked.SessionId, Now, Ct));
        await using var harness = harnessRef.Value = await CreateAsync(replay);
        await harness.SeedAsync(expired);

        var result = await harness.Cleaner().RunOnceAsync(Ct);

        Assert.Equal(Keys([revoked]), await harness.RemainingAsync());
        Assert.Equal((29, 0, 1), (result.Deleted, result.AlreadyGone, result.Changed));
        Assert.Equal(Now, (await harness.Store.GetAsync(user, revoked.SessionId, Ct))!.RevokedAt);
    }

    [Fact]
    public async Task ARotationThatReadTheSessionBeforeItExpiredAndLandsAfterTheScanIsNotUndone()
    {
        var harnessRef = new StrongBox<CleanupHarness>();
        var user = Records.NewId();
        var expiringNow = Enumerable.Range(0, 12).Select(_ => Session(user, Now)).ToList();
        var rotated = expiringNow[5];
        var rotation = new BeforeSendPolicy(IsBatch, async () =>
        {
            // Another instance's refresh, decided a moment before the expiry; its conditional write lands now.
            var store = harnessRef.Value!.Store;
            var read = (await store.GetAsync(user, rotated.SessionId, Ct))!;
            Assert.True(await store.TryReplaceAsync(read with { Generation = 1, RotatedAt = Now.AddSeconds(-1), RefreshExpiresAt = Now.AddDays(1) }, Ct));
        });
        await using var harness = harnessRef.Value = await CreateAsync(rotation);
        await harness.SeedAsync(expiringNow);

        var result = await harness.Cleaner().RunOnceAsync(Ct);

        Assert.Equal(Keys([rotated]), await harness.RemainingAsync());
        Assert.Equal((11, 1), (result.Deleted, result.Changed));
        var stored = (await harness.Store.GetAsync(user, rotated.SessionId, Ct))!;
        Assert.Equal((1, Now.AddDays(1)), (stored.Generation, stored.RefreshExpiresAt));
    }

    [Fact]
    public async Task TwoRunsAtOnceBothFinishAndEachExpiredSessionIsDeletedExactlyOnce()
    {
        await using var harness = await CreateAsync();
        var users = Enumerable.Range(0, 25).Select(_ => Records.NewId()).ToList();
        var expired = users.SelectMany(u => Expired(u, 20)).ToList();
        var live = users.Select(u => Session(u, Now.AddDays(1))).ToList();
        await harness.SeedAsync([.. expired, .. live]);

        var results = await Task.WhenAll(
            Task.Run(() => harness.Cleaner().RunOnceAsync(Ct)),
            Task.Run(() => harness.Cleaner().RunOnceAsync(Ct)));

        Assert.Equal(Keys(live), await harness.RemainingAsync());
        Assert.All(results, r => Assert.Equal((CleanupStopReason.PassComplete, 0), (r.StopReason, r.Changed)));
        Assert.Equal(expired.Count, results.Sum(r => r.Deleted));
    }

    /// <summary>Lets a policy built before the harness reach it.</summary>
    private sealed class StrongBox<T>
        where T : class
    {
        public T? Value { get; set; }
    }
}
