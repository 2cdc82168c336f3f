using FuncAuth.Auth;
using FuncAuth.Users;

namespace FuncAuth.Sessions;

/// <summary>
/// The lockout rules on a user row, pure (time passed in). An attempt is counted <em>before</em> its password is
/// checked, so concurrent guesses cannot outrun the count: of any number of concurrent attempts at most
/// <see cref="LockoutOptions.MaxFailedAttempts"/> are ever verified between two successes; the attempt that takes the
/// last slot sets the lock, and a success resets both.
/// </summary>
public static class LockoutRules
{
    /// <summary>How long until the lock on <paramref name="user"/> ends (rounded up to whole seconds); null when not locked.</summary>
    public static TimeSpan? LockedFor(UserRecord user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.LockedUntil is { } until && until > now
            ? TimeSpan.FromSeconds(Math.Ceiling((until - now).TotalSeconds))
            : null;
    }

    /// <summary>The row with one more attempt counted; locked when this attempt takes the last slot. Null while locked.</summary>
    public static UserRecord? Count(UserRecord user, DateTimeOffset now, LockoutOptions options)
    {
        // Stryker disable once Statement : LockedFor, called next, throws the same ArgumentNullException for a null user
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        if (LockedFor(user, now) is not null)
        {
            return null;
        }

        // A lock that has run out starts a fresh count.
        var previous = user.LockedUntil is null ? user.FailedLoginCount : 0;
        var count = previous + 1;
        return user with
        {
            FailedLoginCount = count,
            LockedUntil = count >= options.MaxFailedAttempts ? now + options.Duration : null,
        };
    }

    /// <summary>The row after a verified password: no attempts counted, no lock, and the new hash when one was made.</summary>
    public static UserRecord Reset(UserRecord user, string? newPasswordHash)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user with { FailedLoginCount = 0, LockedUntil = null, PasswordHash = newPasswordHash ?? user.PasswordHash };
    }
}
