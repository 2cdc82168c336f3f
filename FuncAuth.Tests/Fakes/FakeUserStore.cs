using FuncAuth.Users;

namespace FuncAuth.Tests.Fakes;

/// <summary>In-memory IUserStore with ETags like Table Storage, counting every call (one call = one round trip).</summary>
internal sealed class FakeUserStore : IUserStore
{
    private readonly Dictionary<string, UserRecord> _users = new(StringComparer.Ordinal);
    private int _version;

    public int Creates { get; private set; }
    public int Reads { get; private set; }
    public int Updates { get; private set; }
    public int RoundTrips => Creates + Reads + Updates;

    /// <summary>The next N conditional updates answer 412 as if another instance wrote first.</summary>
    public int ConflictsToSimulate { get; set; }

    /// <summary>Runs just before an update is checked: lets a test make another instance write first.</summary>
    public Action? BeforeUpdate { get; set; }

    /// <summary>The next N successful updates are applied but answer null, like a retried write whose first attempt landed.</summary>
    public int UpdateAnswersToLose { get; set; }

    public UserRecord? this[string normalizedEmail] => _users.GetValueOrDefault(normalizedEmail);

    /// <summary>Seeds a user without counting a round trip.</summary>
    public UserRecord Seed(UserRecord user) => _users[user.NormalizedEmail] = user with { ETag = NextETag() };

    /// <summary>Deletes a user without counting a round trip, as another process would.</summary>
    public void Remove(string normalizedEmail) => _users.Remove(normalizedEmail);

    public void ResetCounts() => Creates = Reads = Updates = 0;

    public Task<bool> TryCreateAsync(UserRecord user, CancellationToken cancellationToken)
    {
        Creates++;
        if (_users.ContainsKey(user.NormalizedEmail))
        {
            return Task.FromResult(false);
        }

        _users[user.NormalizedEmail] = user with { ETag = NextETag() };
        return Task.FromResult(true);
    }

    public Task<UserRecord?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(_users.GetValueOrDefault(normalizedEmail));
    }

    public Task<UserRecord?> TryUpdateLoginStateAsync(UserRecord user, CancellationToken cancellationToken)
    {
        Updates++;
        BeforeUpdate?.Invoke();
        if (ConflictsToSimulate > 0)
        {
            ConflictsToSimulate--;
            return Task.FromResult<UserRecord?>(null);
        }

        if (!_users.TryGetValue(user.NormalizedEmail, out var stored) || stored.ETag != user.ETag)
        {
            return Task.FromResult<UserRecord?>(null);
        }

        var updated = stored with
        {
            RegistrationId = user.RegistrationId,
            FailedLoginCount = user.FailedLoginCount,
            LoginWriteId = user.LoginWriteId,
            LockedUntil = user.LockedUntil,
            PasswordHash = user.PasswordHash,
            ETag = NextETag(),
        };
        _users[user.NormalizedEmail] = updated;
        if (UpdateAnswersToLose > 0)
        {
            UpdateAnswersToLose--;
            return Task.FromResult<UserRecord?>(null);
        }

        return Task.FromResult<UserRecord?>(updated);
    }

    private string NextETag() => $"W/\"{++_version}\"";
}
