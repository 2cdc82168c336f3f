using FuncAuth.Sessions;

namespace FuncAuth.Fuzz.Targets;

/// <summary>A session store with no sessions that counts every call (one call is one storage round trip).</summary>
public sealed class NoSessionStore : ISessionStore
{
    /// <summary>Calls made so far.</summary>
    public int Calls { get; private set; }

    /// <inheritdoc />
    public Task CreateAsync(SessionRecord session, CancellationToken cancellationToken) => Count(Task.CompletedTask);

    /// <inheritdoc />
    public Task<SessionRecord?> GetAsync(string userId, string sessionId, CancellationToken cancellationToken) =>
        Count(Task.FromResult<SessionRecord?>(null));

    /// <inheritdoc />
    public Task<bool> TryReplaceAsync(SessionRecord session, CancellationToken cancellationToken) => Count(Task.FromResult(false));

    /// <inheritdoc />
    public Task<bool> RevokeAsync(string userId, string sessionId, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        Count(Task.FromResult(false));

    /// <inheritdoc />
    public Task DeleteAsync(string userId, string sessionId, CancellationToken cancellationToken) => Count(Task.CompletedTask);

    /// <inheritdoc />
    public Task<int> DeleteAllAsync(string userId, CancellationToken cancellationToken) => Count(Task.FromResult(0));

    private T Count<T>(T result)
    {
        Calls++;
        return result;
    }
}
