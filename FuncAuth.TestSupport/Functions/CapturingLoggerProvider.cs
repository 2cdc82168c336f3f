using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace FuncAuth.TestSupport.Functions;

/// <summary>
/// Keeps every log entry of the host it is added to, at every level: category, event, formatted message, exception,
/// each structured state value and each scope's state. Register it with the minimum level at Trace.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            entries.Enqueue(new CapturedLog(category, LogLevel.None, default, "(scope)", null, StateOf(state)));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception?.ToString(), StateOf(state)));

        private static IReadOnlyList<KeyValuePair<string, string?>> StateOf(object? state) => state switch
        {
            IEnumerable<KeyValuePair<string, object?>> pairs => [.. pairs.Select(p => new KeyValuePair<string, string?>(p.Key, Text(p.Value)))],
            null => [],
            _ => [new("(state)", Text(state))],
        };

        private static string? Text(object? value) => value switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            System.Collections.IEnumerable items and not string => string.Join(",", items.Cast<object?>().Select(Text)),
            _ => value.ToString(),
        };
    }
}

/// <summary>One captured log entry (or scope, with level None).</summary>
public sealed record CapturedLog(
    string Category, LogLevel Level, EventId EventId, string Message, string? Exception, IReadOnlyList<KeyValuePair<string, string?>> State)
{
    /// <summary>Every string this entry carries.</summary>
    public IEnumerable<string> Strings =>
        new[] { Category, EventId.Name, Message, Exception }
            .Concat(State.SelectMany(s => new[] { s.Key, s.Value }))
            .OfType<string>();
}
