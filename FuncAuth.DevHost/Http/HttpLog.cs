namespace FuncAuth.DevHost.Http;

/// <summary>The HTTP side's log messages.</summary>
internal static partial class HttpLog
{
    /// <summary>First event id of this class (the DevHost owns 2000–2999; docs/architecture.md, Logging).</summary>
    public const int FirstEventId = 2100;

    /// <summary>Last event id of this class.</summary>
    public const int LastEventId = 2199;

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Refused a request for Host '{Host}' with 400: not a loopback name (DNS rebinding defence).")]
    public static partial void ForeignHostRefused(this ILogger logger, string host);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Refused a request body of {Declared} bytes with 413: the limit is {Limit} bytes (--max-request-body-size).")]
    public static partial void BodyTooLarge(this ILogger logger, long declared, long limit);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Could not read the request body for {Function}: Kestrel answered {Status} ({Reason}).")]
    public static partial void BodyUnreadable(this ILogger logger, string function, int status, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "The client aborted a call to {Function}; the invocation was cancelled.")]
    public static partial void ClientAborted(this ILogger logger, string function);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error, Message = "Cannot invoke {Function}: {Reason}")]
    public static partial void WorkerUnavailable(this ILogger logger, string function, string reason);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Error, Message = "Executed 'Functions.{Function}' (Failed, Id={InvocationId}, Duration={Duration}ms): {Reason}")]
    public static partial void InvocationFailed(this ILogger logger, string function, string invocationId, int duration, string? reason);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Debug, Message = "Executed 'Functions.{Function}' (Succeeded, Id={InvocationId}, Duration={Duration}ms)")]
    public static partial void InvocationSucceeded(this ILogger logger, string function, string invocationId, int duration);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Information, Message = "Cold start: first {Status} response {Elapsed} ms after the worker was launched.")]
    public static partial void ColdStart(this ILogger logger, int status, int elapsed);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Debug, Message = "Dropped duplicate response header {Header} from function {Function}.")]
    public static partial void DuplicateResponseHeaderDropped(this ILogger logger, string header, string function);
}
