namespace FuncAuth.Storage;

/// <summary>
/// The keys, version and expiry fields of one sessions-table row, as the clean-up scan reads them (nothing else is
/// fetched): enough to decide whether the session can ever be used again, and to delete exactly the version decided on.
/// </summary>
/// <param name="UserId">PartitionKey.</param>
/// <param name="SessionId">RowKey.</param>
/// <param name="ETag">The version read; the delete is conditional on it.</param>
/// <param name="RefreshExpiresAt">When the current refresh token expires.</param>
/// <param name="AbsoluteExpiresAt">The end of the session's absolute lifetime.</param>
/// <param name="RevokedAt">When a replay revoked the session, if it did.</param>
public sealed record SessionExpiryRow(
    string UserId,
    string SessionId,
    string ETag,
    DateTimeOffset RefreshExpiresAt,
    DateTimeOffset AbsoluteExpiresAt,
    DateTimeOffset? RevokedAt);
