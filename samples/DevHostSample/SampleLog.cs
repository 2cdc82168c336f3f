using Microsoft.Extensions.Logging;

namespace DevHostSample;

/// <summary>The sample's log messages; the DevHost forwards them to its console, where tests look for them.</summary>
internal static partial class SampleLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "echo invoked, x-test: {XTest}")]
    public static partial void EchoInvoked(this ILogger logger, string xTest);
}
