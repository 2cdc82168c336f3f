using System.ComponentModel.DataAnnotations;

namespace FuncAuth.Auth;

/// <summary>Account lockout after consecutive failed logins (<c>Auth__Lockout__*</c>).</summary>
public sealed class LockoutOptions
{
    /// <summary><c>Auth__Lockout__MaxFailedAttempts</c>: consecutive failures that lock the account. Default 5.</summary>
    [Range(1, 1000)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary><c>Auth__Lockout__Duration</c>: how long a locked account stays locked. Default 15 minutes.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
