namespace FuncAuth.Sessions;

/// <summary>
/// Sessions in Table Storage: PartitionKey = user id, RowKey = session id.
/// Implementations throw <see cref="Storage.StorageUnavailableException"/> when storage cannot be reached.
/// </summary>
public interface ISessionStore
{
    /// <summary>Stores a new session; one round trip.</summary>
    Task CreateAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Point read; one round trip. Null when there is no such session.</summary>
    Task<SessionRecord?> GetAsync(string userId, string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the session, conditional on <see cref="SessionRecord.ETag"/>; one round trip.
    /// Returns false when another writer got there first (412) or the session is gone (404).
    /// </summary>
    Task<bool> TryReplaceAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Deletes one session whatever its version; one round trip; a missing session is not an error.</summary>
    Task DeleteAsync(string userId, string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every session of the user: one partition query (keys only) plus one entity-group batch per
    /// 100 sessions. Returns how many were deleted.
    /// </summary>
    Task<int> DeleteAllAsync(string userId, CancellationToken cancellationToken);
}
