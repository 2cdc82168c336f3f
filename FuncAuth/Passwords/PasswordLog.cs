using Microsoft.Extensions.Logging;

namespace FuncAuth.Passwords;

/// <summary>Password hashing events. Never a password, a hash, a salt or an email.</summary>
internal static partial class PasswordLog
{
    /// <summary>First event id of this class (docs/architecture.md, Logging).</summary>
    public const int FirstEventId = 1400;

    /// <summary>Last event id of this class.</summary>
    public const int LastEventId = 1499;

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Password hashing refused at admission: {Capacity} requests already admitted")]
    public static partial void HashingAdmissionRefused(this ILogger logger, int capacity);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "No password hashing slot became free within {TimeoutMilliseconds} ms")]
    public static partial void HashingSlotTimedOut(this ILogger logger, long timeoutMilliseconds);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Error, Message = "A stored password hash is unusable ({Kind}): corrupt, of an unknown format or beyond the cost caps; the verification fails")]
    public static partial void StoredHashUnusable(this ILogger logger, string kind);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "A legacy PBKDF2 password hash verified; it is due for an Argon2id rehash")]
    public static partial void LegacyHashVerified(this ILogger logger);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Information, Message = "Password hashing: Argon2id m={MemoryKiB} KiB, t={Iterations}, p=1; {MaxConcurrentHashes} at once, {QueueLength} queued, queue timeout {QueueTimeoutMilliseconds} ms")]
    public static partial void HashingConfigured(this ILogger logger, int memoryKiB, int iterations, int maxConcurrentHashes, int queueLength, long queueTimeoutMilliseconds);
}
