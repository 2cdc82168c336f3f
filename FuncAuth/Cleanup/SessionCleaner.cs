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
            var elapsedMilliseconds = (long)time.GetElapsedTime(started).TotalMilliseconds;
            logger.RunFinished(stop, elapsedMilliseconds, result.Pages, result.Matched,
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
        // Transactions of different users run side by side (they touch different partitions); the bounds are checked
        // before each one starts, counting those in flight as if they removed all their rows. The first transaction of
        // a page always starts, so even a budget spent on reading the page makes progress, one batch per run.
        var batches = deletable.GroupBy(r => r.UserId, StringComparer.Ordinal).SelectMany(g => g.Chunk(TableSessionSweeper.MaxBatchSize));
        var inFlight = new List<Task>();
        using var slots = new SemaphoreSlim(_options.MaxConcurrentBatches);
        var claimed = run.Removed;
        CleanupStopReason? stop = null;
        try
        {
            foreach (var batch in batches)
            {
                var allowed = _options.MaxDeletionsPerRun - claimed;
                stop = allowed <= 0 ? CleanupStopReason.MaxDeletions
                    : inFlight.Count > 0 && OutOfTime(started) ? CleanupStopReason.TimeBudget
                    : null;
                if (stop is not null)
                {
                    break;
                }

                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                var slice = batch.Length <= allowed ? batch : batch[..allowed];
                claimed += slice.Length;
                inFlight.Add(DeleteBatchAsync(slice, slots, run, cancellationToken));
                if (slice.Length < batch.Length)
                {
                    stop = CleanupStopReason.MaxDeletions;
                    break;
                }
            }
        }
        finally
        {
            await Task.WhenAll(inFlight).ConfigureAwait(false);
        }

        return stop;
    }

    private async Task DeleteBatchAsync(SessionExpiryRow[] batch, SemaphoreSlim slots, Run run, CancellationToken cancellationToken)
    {
        try
        {
            var result = await sweeper.DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
            run.Add(result);
            if (result.AlreadyGone + result.Changed + result.Left > 0)
            {
                logger.BatchRaced(batch.Length, result.AlreadyGone, result.Changed, result.Left);
            }
        }
        finally
        {
            slots.Release();
        }
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

        private readonly Lock _gate = new();

        public void Add(SessionSweepBatchResult result)
        {
            lock (_gate)
            {
                Deleted += result.Deleted;
                AlreadyGone += result.AlreadyGone;
                Changed += result.Changed + result.Left;
            }
        }

        public SessionCleanupResult Result(CleanupStopReason stop) =>
            new(Pages, Matched, Deleted, AlreadyGone, Changed, KeptRevoked, Unreadable, stop);
    }
}
