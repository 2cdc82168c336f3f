namespace FuncAuth.DevHost.Worker;

/// <summary>The worker lifetime's log messages (event ids 22xx).</summary>
internal static partial class WorkerLog
{
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
}
