namespace FuncAuth.Users;

/// <summary>A stored user account, including its lockout state.</summary>
/// <param name="UserId">Random, opaque id (32 hex chars); the JWT <c>sub</c>. Never the email.</param>
/// <param name="Email">The email as registered (trimmed), for display.</param>
/// <param name="NormalizedEmail">Trimmed, lower-cased (invariant) email: the lookup key.</param>
/// <param name="DisplayName">Display name; the email's local part when none was given.</param>
/// <param name="PasswordHash">A <c>PasswordHasher&lt;T&gt;</c> hash; never leaves the store layer except to be verified.</param>
/// <param name="FailedLoginCount">Login attempts counted since the last success, each before its password was checked
/// (a success resets it); reaching the limit sets <paramref name="LockedUntil"/>.</param>
/// <param name="LockedUntil">While in the future, logins are refused with 429.</param>
/// <param name="CreatedAt">When the account was registered.</param>
/// <param name="RegistrationId">Random id of the registration request that created the row: lets a retried insert
/// that conflicts with its own earlier attempt be told apart from an email someone else took.</param>
/// <param name="LoginWriteId">Random id of the last login-state write: when a write's answer is lost and the storage
/// client's retry fails its ETag condition, a re-read that shows this id proves the write was ours and landed.</param>
/// <param name="ETag">The storage version this record was read at (null before it is stored).</param>
public sealed record UserRecord(
    string UserId,
    string Email,
    string NormalizedEmail,
    string DisplayName,
    string PasswordHash,
    int FailedLoginCount,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    string RegistrationId,
    string? LoginWriteId = null,
    string? ETag = null);
