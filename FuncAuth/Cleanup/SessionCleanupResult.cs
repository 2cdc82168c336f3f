namespace FuncAuth.Cleanup;

/// <summary>Counts of one clean-up run (never ids: a run may touch thousands of users).</summary>
/// <param name="Pages">Query pages read.</param>
/// <param name="Matched">Rows the scan returned (refresh or absolute expiry passed), readable or not.</param>
/// <param name="Deleted">Rows this run's transactions deleted.</param>
/// <param name="AlreadyGone">Rows judged deletable but gone when re-checked (a logout, another run, a lost answer).</param>
/// <param name="Changed">Rows judged deletable but written since the scan: kept, judged again next pass.</param>
/// <param name="KeptRevoked">Revoked rows still inside their replay horizon.</param>
/// <param name="Unreadable">Rows skipped because a field could not be read.</param>
/// <param name="StopReason">Why the run ended.</param>
public sealed record SessionCleanupResult(
    int Pages,
    int Matched,
    int Deleted,
    int AlreadyGone,
    int Changed,
    int KeptRevoked,
    int Unreadable,
    CleanupStopReason StopReason)
{
    /// <summary>Rows no longer in the table: what <c>Cleanup__MaxDeletionsPerRun</c> bounds.</summary>
    public int Removed => Deleted + AlreadyGone;
}
