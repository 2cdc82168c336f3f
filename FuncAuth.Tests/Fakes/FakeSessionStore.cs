using FuncAuth.Sessions;

namespace FuncAuth.Tests.Fakes;

/// <summary>In-memory ISessionStore with ETag-conditional replace, counting every call (one call = one round trip).</summary>
internal sealed class FakeSessionStore : ISessionStore
{
    private readonly Dictionary<(string UserId, string SessionId), SessionRecord> _sessions = [];
    private int _version;

    public int Creates { get; private set; }
    public int Reads { get; private set; }
    public int Replaces { get; private set; }
    public int Revokes { get; private set; }
    public int Deletes { get; private set; }
    public int DeleteAlls { get; private set; }
    public int RoundTrips => Creates + Reads + Replaces + Revokes + Deletes + DeleteAlls;

    /// <summary>Runs just before a replace is checked: lets a test make another writer win the race.</summary>
    public Action? BeforeReplace { get; set; }

    /// <summary>Runs just before a revocation: lets a test rotate the session between the read and the revoke.</summary>
    public Action? BeforeRevoke { get; set; }

    /// <summary>
    /// The next N successful replaces are applied but answer false, as when the storage client retries a write whose
    /// first attempt landed and the retry then fails its ETag condition.
    /// </summary>
    public int ReplaceAnswersToLose { get; set; }

    public IReadOnlyCollection<SessionRecord> All => _sessions.Values;

    public SessionRecord? Find(string userId, string sessionId) => _sessions.GetValueOrDefault((userId, sessionId));

    /// <summary>Stores or overwrites a session without counting a round trip; gives it a new ETag.</summary>
    public SessionRecord Put(SessionRecord session) =>
        _sessions[(session.UserId, session.SessionId)] = session with { ETag = NextETag() };

    public void ResetCounts() => Creates = Reads = Replaces = Revokes = Deletes = DeleteAlls = 0;

    public Task CreateAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        Creates++;
        Put(session);
        return Task.CompletedTask;
    }

    public Task<SessionRecord?> GetAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(Find(userId, sessionId));
    }

    public Task<bool> TryReplaceAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        Replaces++;
        BeforeReplace?.Invoke();
        var stored = Find(session.UserId, session.SessionId);
        if (stored is null || stored.ETag != session.ETag)
        {
            return Task.FromResult(false);
        }

        Put(session);
        if (ReplaceAnswersToLose > 0)
        {
            ReplaceAnswersToLose--;
            return Task.FromResult(false);
        }

        return Task.FromResult(true);
    }

    public Task<bool> RevokeAsync(string userId, string sessionId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        Revokes++;
        BeforeRevoke?.Invoke();
        if (Find(userId, sessionId) is not { } stored)
        {
            return Task.FromResult(false);
        }

        Put(stored with { RevokedAt = revokedAt });
        return Task.FromResult(true);
    }

    public Task DeleteAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        Deletes++;
        _sessions.Remove((userId, sessionId));
        return Task.CompletedTask;
    }

    public Task<int> DeleteAllAsync(string userId, CancellationToken cancellationToken)
    {
        DeleteAlls++;
        var keys = _sessions.Keys.Where(k => k.UserId == userId).ToList();
        keys.ForEach(k => _sessions.Remove(k));
        return Task.FromResult(keys.Count);
    }

    private string NextETag() => $"W/\"{++_version}\"";
}
