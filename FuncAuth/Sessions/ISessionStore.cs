namespace FuncAuth.Sessions;

/// <summary>
/// Sessions in Table Storage: PartitionKey = user id, RowKey = session id.
/// Implementations throw <see cref="Storage.StorageUnavailableException"/> when storage cannot be reached, and every
/// write is safe when the storage client retries it after an attempt that landed but whose answer was lost.
/// </summary>
public interface ISessionStore
{
    /// <summary>
    /// Stores a new session; one round trip. A conflict means an earlier attempt of this same call landed (session ids
    /// are 128 random bits), so it counts as success.
    /// </summary>
    Task CreateAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Point read; one round trip. Null when there is no such session.</summary>
    Task<SessionRecord?> GetAsync(string userId, string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the session, conditional on <see cref="SessionRecord.ETag"/>; one round trip.
    /// Returns false when another writer got there first (412) or the session is gone (404).
    /// </summary>
    Task<bool> TryReplaceAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the session revoked at <paramref name="revokedAt"/> whatever its version (an unconditional merge of that one
    /// property): it cannot lose a race, and it changes the ETag, so every rotation that read the session before fails
    /// its conditional write. One round trip. False when the session no longer exists.
    /// </summary>
    Task<bool> RevokeAsync(string userId, string sessionId, DateTimeOffset revokedAt, CancellationToken cancellationToken);

    /// <summary>Deletes one session whatever its version; one round trip; a missing session is not an error.</summary>
    Task DeleteAsync(string userId, string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every session of the user: one partition query (keys only) plus one entity-group batch per
    /// 100 sessions. Returns how many were deleted.
    /// </summary>
    Task<int> DeleteAllAsync(string userId, CancellationToken cancellationToken);
}
