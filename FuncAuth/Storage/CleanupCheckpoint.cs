namespace FuncAuth.Storage;

/// <summary>Where the session clean-up's scan stands between runs.</summary>
/// <param name="ContinuationToken">Where the next run resumes the scan; null: from the beginning.</param>
/// <param name="PassStartedAt">When the scan in progress started from the beginning (null before the first run).</param>
/// <param name="LastPassCompletedAt">When a scan last reached the end of the table.</param>
public sealed record CleanupCheckpoint(string? ContinuationToken, DateTimeOffset? PassStartedAt, DateTimeOffset? LastPassCompletedAt)
{
    /// <summary>No run yet: start from the beginning.</summary>
    public static CleanupCheckpoint None { get; } = new(null, null, null);
}
