using FuncAuth.Auth;
using FuncAuth.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncAuth.Cleanup;

/// <summary>
/// One clean-up run: resumes the scan of the sessions table at the saved checkpoint, deletes what
/// <see cref="SessionCleanupRule"/> allows page by page (batches per user, in key order), saves the position after
/// every page, and stops at the end of the table, after <c>Cleanup__MaxDeletionsPerRun</c> removals or when
/// <c>Cleanup__TimeBudget</c> is spent. Runs only on the timer, never on a request.
/// </summary>
public sealed class SessionCleaner(
    TableSessionSweeper sweeper,
    TableCleanupCheckpointStore checkpoints,
    IOptions<SessionCleanupOptions> options,
    IOptions<AuthOptions> authOptions,
    TimeProvider time,
    ILogger<SessionCleaner> logger)
{
    /// <summary>Unreadable rows logged one by one per run; the rest are counted.</summary>
    internal const int MaxUnreadableLogged = 10;

    private readonly SessionCleanupOptions _options = options.Value;

    /// <summary>
    /// How long a revoked session is kept: one refresh-token lifetime. No token of the session could have stayed valid
    /// longer than that after its revocation, so until then a replay is worth recognising as one of a stolen family.
    /// </summary>
    private readonly TimeSpan _revokedRetention = authOptions.Value.RefreshTokenLifetime;

    /// <summary>Runs once; throws only when storage fails (after logging), never for a row it cannot read.</summary>
    public async Task<SessionCleanupResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var run = new Run();
        try
        {
            var checkpoint = await checkpoints.ReadAsync(cancellationToken).ConfigureAwait(false);
            logger.RunStarted(checkpoint.ContinuationToken is null ? "from the beginning" : "resuming the scan", now, (long)_revokedRetention.TotalSeconds);
            var stop = await ScanAsync(checkpoint, now, started, run, cancellationToken).ConfigureAwait(false);
            var result = run.Result(stop);
            logger.RunFinished(stop, (long)time.GetElapsedTime(started).TotalMilliseconds, result.Pages, result.Matched,
                result.Deleted, result.AlreadyGone, result.Changed, result.KeptRevoked, result.Unreadable);
            return result;
        }
        catch (StorageUnavailableException e)
        {
            logger.StorageUnavailable((long)time.GetElapsedTime(started).TotalMilliseconds, run.Deleted, e);
            throw;
        }
    }

    private async Task<CleanupStopReason> ScanAsync(
        CleanupCheckpoint checkpoint, DateTimeOffset now, long started, Run run, CancellationToken cancellationToken)
    {
        var token = checkpoint.ContinuationToken;
        var passStartedAt = token is null ? now : checkpoint.PassStartedAt ?? now;
        while (true)
        {
            if (OutOfTime(started))
            {
                return CleanupStopReason.TimeBudget;
            }

            var page = await sweeper.ReadPageAsync(token, now, cancellationToken).ConfigureAwait(false);
            run.Pages++;
            run.Matched += page.Rows.Count + page.Unreadable.Count;
            LogUnreadable(page.Unreadable, run);

            var stopped = await DeletePageAsync(page.Rows, now, started, run, cancellationToken).ConfigureAwait(false);
            if (stopped is { } reason)
            {
                // Part of this page is left: the next run reads it again from its start (what was deleted is gone).
                await SaveAsync(new CleanupCheckpoint(token, passStartedAt, checkpoint.LastPassCompletedAt), cancellationToken).ConfigureAwait(false);
                return reason;
            }

            token = page.ContinuationToken;
            if (token is null)
            {
                await SaveAsync(new CleanupCheckpoint(null, null, now), cancellationToken).ConfigureAwait(false);
                return CleanupStopReason.PassComplete;
            }

            await SaveAsync(new CleanupCheckpoint(token, passStartedAt, checkpoint.LastPassCompletedAt), cancellationToken).ConfigureAwait(false);
            if (run.Removed >= _options.MaxDeletionsPerRun)
            {
                return CleanupStopReason.MaxDeletions;
            }
        }
    }

    /// <summary>Deletes the page's deletable rows; returns why it stopped early, or null when the page is done.</summary>
    private async Task<CleanupStopReason?> DeletePageAsync(
        IReadOnlyList<SessionExpiryRow> rows, DateTimeOffset now, long started, Run run, CancellationToken cancellationToken)
    {
        var deletable = new List<SessionExpiryRow>(rows.Count);
        foreach (var row in rows)
        {
            if (SessionCleanupRule.IsDeletable(row.RefreshExpiresAt, row.AbsoluteExpiresAt, row.RevokedAt, now, _revokedRetention))
            {
                deletable.Add(row);
            }
            else
            {
                run.KeptRevoked++;
            }
        }

        // A page is in key order, so each user's rows are adjacent: one transaction per run of at most 100 of them.
        foreach (var batch in deletable.GroupBy(r => r.UserId, StringComparer.Ordinal).SelectMany(g => g.Chunk(TableSessionSweeper.MaxBatchSize)))
        {
            var allowed = _options.MaxDeletionsPerRun - run.Removed;
            if (allowed <= 0)
            {
                return CleanupStopReason.MaxDeletions;
            }

            if (OutOfTime(started))
            {
                return CleanupStopReason.TimeBudget;
            }

            var slice = batch.Length <= allowed ? batch : batch[..allowed];
            var result = await sweeper.DeleteAsync(slice, cancellationToken).ConfigureAwait(false);
            run.Add(result);
            if (result.AlreadyGone + result.Changed + result.Left > 0)
            {
                logger.BatchRaced(slice.Length, result.AlreadyGone, result.Changed, result.Left);
            }

            if (slice.Length < batch.Length)
            {
                return CleanupStopReason.MaxDeletions;
            }
        }

        return null;
    }

    private Task SaveAsync(CleanupCheckpoint checkpoint, CancellationToken cancellationToken) =>
        checkpoints.SaveAsync(checkpoint, cancellationToken);

    private bool OutOfTime(long started) => time.GetElapsedTime(started) >= _options.TimeBudget;

    private void LogUnreadable(IReadOnlyList<string> properties, Run run)
    {
        foreach (var property in properties)
        {
            run.Unreadable++;
            if (run.Unreadable <= MaxUnreadableLogged)
            {
                logger.RowUnreadable(property);
            }
            else if (run.Unreadable == MaxUnreadableLogged + 1)
            {
                logger.MoreRowsUnreadable();
            }
        }
    }

    /// <summary>The run's counters.</summary>
    private sealed class Run
    {
        public int Pages, Matched, Deleted, AlreadyGone, Changed, KeptRevoked, Unreadable;

        public int Removed => Deleted + AlreadyGone;

        public void Add(SessionSweepBatchResult result)
        {
            Deleted += result.Deleted;
            AlreadyGone += result.AlreadyGone;
            Changed += result.Changed + result.Left;
        }

        public SessionCleanupResult Result(CleanupStopReason stop) =>
            new(Pages, Matched, Deleted, AlreadyGone, Changed, KeptRevoked, Unreadable, stop);
    }
}
