using Microsoft.Extensions.Logging;

namespace FuncAuth.Auth;

/// <summary>
/// Security events as structured logs. Placeholders carry only opaque ids and reasons: never tokens, hashes,
/// passwords, cookies or email addresses (an email is personal data and a lookup key for attackers).
/// </summary>
public static partial class SecurityLog
{
    /// <summary>First event id of this class (docs/architecture.md, Logging); its ids are stable (docs/observability.md).</summary>
    public const int FirstEventId = 1000;

    /// <summary>Last event id of this class.</summary>
    public const int LastEventId = 1399;

    /// <summary>Login refused because no account has that email (the id is unknown, so none is logged).</summary>
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Login failed: unknown account")]
    public static partial void LoginUnknownAccount(this ILogger logger);

    /// <summary>Login refused because the password did not match.</summary>
    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Login failed for user {UserId}: wrong password (attempt {FailedCount} since the last success)")]
    public static partial void LoginFailed(this ILogger logger, string userId, int failedCount);

    /// <summary>This failure reached the threshold and locked the account.</summary>
    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Account {UserId} locked until {LockedUntil}")]
    public static partial void AccountLocked(this ILogger logger, string userId, DateTimeOffset lockedUntil);

    /// <summary>Login refused without checking the password because the account is locked.</summary>
    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Login refused for locked account {UserId}; retry after {RetryAfterSeconds} s")]
    public static partial void LoginRefusedLocked(this ILogger logger, string userId, long retryAfterSeconds);

    /// <summary>Login succeeded and started a session.</summary>
    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Login succeeded for user {UserId}, session {SessionId}")]
    public static partial void LoginSucceeded(this ILogger logger, string userId, string sessionId);

    /// <summary>The failure counter could not be written after retries (heavy contention on one account).</summary>
    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Login state of user {UserId} not updated: {Reason}")]
    public static partial void LoginStateNotUpdated(this ILogger logger, string userId, string reason);

    /// <summary>A refresh token was rotated.</summary>
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Refresh rotated session {SessionId} of user {UserId} to generation {Generation}")]
    public static partial void RefreshRotated(this ILogger logger, string userId, string sessionId, int generation);

    /// <summary>An earlier generation was replayed after the grace window: the whole session is revoked.</summary>
    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Refresh token replay detected for session {SessionId} of user {UserId} (generation {PresentedGeneration} presented, {CurrentGeneration} current); session revoked")]
    public static partial void RefreshReplayDetected(this ILogger logger, string userId, string sessionId, int presentedGeneration, int currentGeneration);

    /// <summary>The just-replaced token came back within the grace window and got the same successor (retry or racing tab).</summary>
    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Refresh within the reuse grace: successor generation {Generation} of session {SessionId} of user {UserId} reissued")]
    public static partial void RefreshSuccessorReissued(this ILogger logger, string userId, string sessionId, int generation);

    /// <summary>A refresh was refused (answered 401).</summary>
    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Refresh refused for session {SessionId} of user {UserId}: {Reason}")]
    public static partial void RefreshRefused(this ILogger logger, string? userId, string? sessionId, RefreshFailureReason reason);

    /// <summary>One session ended by logout.</summary>
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Logout of session {SessionId} of user {UserId}")]
    public static partial void LoggedOut(this ILogger logger, string userId, string sessionId);

    /// <summary>Every session of a user ended.</summary>
    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Logout-all for user {UserId}: {SessionCount} sessions ended")]
    public static partial void LoggedOutAll(this ILogger logger, string userId, int sessionCount);

    /// <summary>A user registered.</summary>
    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "User {UserId} registered")]
    public static partial void UserRegistered(this ILogger logger, string userId);
}
