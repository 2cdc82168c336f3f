using FuncAuth.DevHost.Rpc;

namespace FuncAuth.DevHost.Worker;

/// <summary>The worker lifetime's and the worker channel's log messages.</summary>
internal static partial class WorkerLog
{
    /// <summary>First event id of this class (the DevHost owns 2000–2999; docs/architecture.md, Logging).</summary>
    public const int FirstEventId = 2200;

    /// <summary>Last event id of this class.</summary>
    public const int LastEventId = 2299;

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Launching the worker: {Executable} {Worker} (app directory {AppDirectory}, gRPC on 127.0.0.1:{GrpcPort})")]
    public static partial void Launching(this ILogger logger, string executable, string worker, string appDirectory, int grpcPort);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Critical, Message = "Could not start the worker ({Executable}): {Reason}")]
    public static partial void LaunchFailed(this ILogger logger, string executable, string reason);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "Worker process started (PID {Pid}).")]
    public static partial void Started(this ILogger logger, int pid);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "Sent WorkerTerminate (grace {Grace} s); waiting for the worker to exit.")]
    public static partial void TerminateSent(this ILogger logger, double grace);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Information, Message = "The worker exited with code {ExitCode}.")]
    public static partial void Exited(this ILogger logger, int exitCode);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Warning, Message = "The worker (PID {Pid}) did not exit within {Seconds} s and was killed.")]
    public static partial void Killed(this ILogger logger, int pid, double seconds);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Critical, Message = "The worker process (PID {Pid}) exited with code {ExitCode} {Phase}. Its output above ([worker] lines) says why. The DevHost is stopping with exit code 1.")]
    public static partial void ExitedOnItsOwn(this ILogger logger, int pid, int exitCode, string phase);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Critical, Message = "The worker failed to start: {Reason} The DevHost is stopping with exit code 1.")]
    public static partial void StartFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 2209, Level = LogLevel.Warning, Message = "local.settings.json Values sets {Name}; ignored: the worker gets WEBSITE_HOSTNAME={Hostname}, where the DevHost serves (set the environment variable to change it).")]
    public static partial void WebsiteHostnameSettingIgnored(this ILogger logger, string name, string hostname);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Information, Message = "The worker inherits WEBSITE_HOSTNAME={Hostname} from the environment instead of {Served}.")]
    public static partial void WebsiteHostnameInherited(this ILogger logger, string hostname, string served);

    [LoggerMessage(EventId = 2211, Level = LogLevel.Warning, Message = "Rejected an event stream that did not start with StartStream for worker {WorkerId}.")]
    public static partial void StreamWithoutStartRejected(this ILogger logger, string workerId);

    [LoggerMessage(EventId = 2212, Level = LogLevel.Warning, Message = "Rejected a second event stream from worker {WorkerId}.")]
    public static partial void SecondStreamRejected(this ILogger logger, string workerId);

    [LoggerMessage(EventId = 2213, Level = LogLevel.Debug, Message = "The worker event stream ended.")]
    public static partial void EventStreamEnded(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2214, Level = LogLevel.Debug, Message = "Dropped a {Content} message: the stream is closed.")]
    public static partial void MessageDroppedStreamClosed(this ILogger logger, StreamingMessage.ContentOneofCase content);

    [LoggerMessage(EventId = 2215, Level = LogLevel.Debug, Message = "Stopped writing to the worker.")]
    public static partial void StoppedWriting(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2216, Level = LogLevel.Debug, Message = "Ignored a {Content} message from the worker.")]
    public static partial void MessageIgnored(this ILogger logger, StreamingMessage.ContentOneofCase content);

    [LoggerMessage(EventId = 2217, Level = LogLevel.Debug, Message = "Worker initialized with capabilities {Capabilities}.")]
    public static partial void WorkerInitialized(this ILogger logger, string capabilities);

    [LoggerMessage(EventId = 2218, Level = LogLevel.Error, Message = "Function '{Name}' failed to load: {Reason}")]
    public static partial void FunctionLoadFailed(this ILogger logger, string name, string? reason);

    [LoggerMessage(EventId = 2219, Level = LogLevel.Warning, Message = "Function '{Name}' has a {Trigger} trigger; the DevHost only invokes HTTP triggers.")]
    public static partial void NonHttpTriggerNotInvoked(this ILogger logger, string name, string trigger);

    /// <summary>A worker's own log record, relayed at its level under its category (<see cref="RpcLogForwarder"/>).</summary>
    [LoggerMessage(EventId = 2220, Message = "{Message}")]
    public static partial void WorkerMessage(this ILogger logger, LogLevel level, string message);
}
