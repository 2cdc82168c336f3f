using System.Collections.Concurrent;
using FuncAuth.DevHost.Rpc;

namespace FuncAuth.DevHost.Worker;

/// <summary>
/// Writes the worker's <c>RpcLog</c> messages (user ILogger output and the worker's own logs) to the DevHost's
/// console logger under the worker's category, so they read like Core Tools' output.
/// </summary>
internal sealed class RpcLogForwarder(ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public void Forward(RpcLog log)
    {
        // RpcLog.Level mirrors Microsoft.Extensions.Logging.LogLevel value for value (Trace = 0 ... None = 6).
        var level = (LogLevel)(int)log.Level;
        var category = string.IsNullOrEmpty(log.Category) ? "Worker" : log.Category;
        var logger = _loggers.GetOrAdd(category, loggerFactory.CreateLogger);
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var text = log.Exception is { } e
            ? $"{log.Message}{Environment.NewLine}{e.Type}: {e.Message}{Environment.NewLine}{e.StackTrace}"
            : log.Message;
        logger.WorkerMessage(level, text);
    }
}
