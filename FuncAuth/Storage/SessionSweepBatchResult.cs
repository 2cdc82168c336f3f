namespace FuncAuth.Storage;

/// <summary>What became of the rows handed to one clean-up delete.</summary>
/// <param name="Deleted">Deleted by a transaction of this call.</param>
/// <param name="AlreadyGone">Not there any more when re-checked: a logout, logout-all, another clean-up run, or this
/// call's own transaction whose answer was lost and whose retry then found nothing.</param>
/// <param name="Changed">Still there but written since the scan (rotated or revoked): kept, to be judged again next pass.</param>
/// <param name="Left">Not settled after the retry rounds (only under a pathological race): kept for the next pass.</param>
public sealed record SessionSweepBatchResult(int Deleted, int AlreadyGone, int Changed, int Left)
{
    /// <summary>Rows that are no longer in the table, whoever removed them.</summary>
    public int Removed => Deleted + AlreadyGone;
}
