using FuncAuth.Settings;

namespace FuncAuth.Auth;

/// <summary>Account lockout after consecutive failed logins (<c>Auth__Lockout__*</c>).</summary>
public sealed class LockoutOptions
{
    private const string Prefix = AuthOptions.Prefix + nameof(AuthOptions.Lockout) + Setting.Separator;

    /// <summary><c>Auth__Lockout__MaxFailedAttempts</c>: consecutive failures that lock the account. Default 5.</summary>
    [SettingRange(1, 1000, ErrorMessage = Prefix + nameof(MaxFailedAttempts) + Setting.Between)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary><c>Auth__Lockout__Duration</c>: how long a locked account stays locked. Default 15 minutes, at most 30 days.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = Prefix + nameof(Duration) + Setting.Between)]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
