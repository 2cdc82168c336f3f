using Microsoft.Extensions.Logging;

namespace FuncAuth.Http;

/// <summary>
/// The HTTP middleware's events, logged under the middleware's category. Only the function's name: never a token,
/// a cookie, a header value or a body.
/// </summary>
internal static partial class HttpLog
{
    /// <summary>First event id of this class (docs/architecture.md, Logging).</summary>
    public const int FirstEventId = 1600;

    /// <summary>Last event id of this class.</summary>
    public const int LastEventId = 1699;

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Invalid access token presented to {FunctionName}")]
    public static partial void InvalidAccessToken(this ILogger logger, string functionName);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Cross-site state-changing request to {FunctionName} refused")]
    public static partial void CrossSiteRequestRefused(this ILogger logger, string functionName);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "Storage unavailable during {FunctionName}")]
    public static partial void StorageUnavailableInFunction(this ILogger logger, string functionName, Exception exception);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Error, Message = "Unhandled exception in {FunctionName}")]
    public static partial void UnhandledException(this ILogger logger, string functionName, Exception exception);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Warning, Message = "Password hashing at capacity: {FunctionName} answered 503")]
    public static partial void HashingAtCapacity(this ILogger logger, string functionName);

    [LoggerMessage(EventId = 1606, Level = LogLevel.Warning, Message = "Start-up warm-up of {Part} failed ({ExceptionType}); the first request that needs it does the work")]
    public static partial void WarmUpFailed(this ILogger logger, string part, string exceptionType);
}
