using FuncAuth.Users;

namespace FuncAuth.Sessions;

/// <summary>The outcome of counting one login attempt on the user row (inside <see cref="LoginService"/>).</summary>
internal abstract record LoginAttempt
{
    private LoginAttempt() { }

    /// <summary>Counted; <paramref name="User"/> is the row as stored (with its new ETag).</summary>
    public sealed record Counted(UserRecord User) : LoginAttempt;

    /// <summary>The account is locked for <paramref name="RetryAfter"/>.</summary>
    public sealed record Locked(TimeSpan RetryAfter) : LoginAttempt;

    /// <summary>The row kept changing (or vanished): the attempt could not be counted, so it is refused.</summary>
    public sealed record Contended : LoginAttempt;
}
