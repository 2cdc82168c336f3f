namespace FuncAuth.Users;

/// <summary>
/// Users in Table Storage, keyed by normalized email so that login is one point read.
/// Implementations throw <see cref="Storage.StorageUnavailableException"/> when storage cannot be reached.
/// </summary>
public interface IUserStore
{
    /// <summary>
    /// Adds a new user; one round trip. Returns false when the email is already taken (409) by another registration;
    /// a conflict with this registration's own earlier attempt (same <see cref="UserRecord.RegistrationId"/>) is a success.
    /// </summary>
    Task<bool> TryCreateAsync(UserRecord user, CancellationToken cancellationToken);

    /// <summary>Point read by normalized email; one round trip. Null when there is no such user.</summary>
    Task<UserRecord?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the login-related fields (<see cref="UserRecord.FailedLoginCount"/>, <see cref="UserRecord.LockedUntil"/>,
    /// <see cref="UserRecord.PasswordHash"/>) of <paramref name="user"/>, conditional on its <see cref="UserRecord.ETag"/>.
    /// One round trip. Returns the stored record with its new ETag, or null when the user changed since it was read
    /// (412) or no longer exists (404): the caller re-reads and decides again.
    /// </summary>
    Task<UserRecord?> TryUpdateLoginStateAsync(UserRecord user, CancellationToken cancellationToken);
}
