using Microsoft.Extensions.Logging;

namespace FuncAuth.Cleanup;

/// <summary>
/// Session clean-up events. Counts only: a run touches the rows of thousands of users, so no user or
/// session id is ever logged here.
/// </summary>
internal static partial class SessionCleanupLog
{
    /// <summary>First event id of this class (docs/architecture.md, Logging).</summary>
    public const int FirstEventId = 1500;

    /// <summary>Last event id of this class.</summary>
    public const int LastEventId = 1599;

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Session clean-up started ({Position}); deleting sessions unusable at {Now:o}, revoked ones {RevokedRetentionSeconds} s after revocation")]
    public static partial void RunStarted(this ILogger logger, string position, DateTimeOffset now, long revokedRetentionSeconds);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Session clean-up finished ({StopReason}) after {ElapsedMilliseconds} ms: {Pages} pages, {Matched} expired rows matched, {Deleted} deleted, {AlreadyGone} already gone, {Changed} changed since the scan and kept, {KeptRevoked} revoked within the replay horizon kept, {Unreadable} unreadable skipped")]
    public static partial void RunFinished(
        this ILogger logger, CleanupStopReason stopReason, long elapsedMilliseconds, int pages, int matched, int deleted, int alreadyGone, int changed, int keptRevoked, int unreadable);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Session clean-up skipped a row it cannot read: {Property} is missing or not a date; the row is kept")]
    public static partial void RowUnreadable(this ILogger logger, string property);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "Session clean-up: more unreadable rows in this run are counted, not logged one by one")]
    public static partial void MoreRowsUnreadable(this ILogger logger);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Warning, Message = "Session clean-up stopped after {ElapsedMilliseconds} ms, {Deleted} rows deleted: Table Storage is unavailable; the next run resumes from the last saved position")]
    public static partial void StorageUnavailable(this ILogger logger, long elapsedMilliseconds, int deleted, Exception exception);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Debug, Message = "Session clean-up batch of {Count}: {AlreadyGone} rows already gone, {Changed} changed since the scan, {Left} left for the next pass")]
    public static partial void BatchRaced(this ILogger logger, int count, int alreadyGone, int changed, int left);
}
