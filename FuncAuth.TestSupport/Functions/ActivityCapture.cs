using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace FuncAuth.TestSupport.Functions;

/// <summary>
/// Records every activity of one trace, whatever its source: the root <see cref="StartRoot"/> opens and everything
/// started under it (the Azure SDK's Table spans included). Activities of other traces (tests running in parallel) are
/// neither sampled nor recorded, so this listener does not change them.
/// </summary>
public sealed class ActivityCapture : IDisposable
{
    private static readonly ActivitySource Source = new("FuncAuth.Tests.Telemetry");

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<CapturedActivity> _activities = new();
    private ActivityTraceId _traceId;

    /// <param name="export">
    /// Emulates the export pipeline: called after the raw copy is taken, it may change the activity and answers whether
    /// the activity would be exported; if so the changed activity is recorded again, marked exported.
    /// </param>
    public ActivityCapture(Func<Activity, bool>? export = null)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Source == Source || (_traceId != default && options.Parent.TraceId == _traceId)
                    ? ActivitySamplingResult.AllDataAndRecorded
                    : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId != _traceId)
                {
                    return;
                }

                var raw = CapturedActivity.Of(activity, exported: false);
                _activities.Enqueue(raw);
                if (export?.Invoke(activity) == true)
                {
                    _activities.Enqueue(CapturedActivity.Of(activity, exported: true));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<CapturedActivity> Activities => [.. _activities];

    /// <summary>Starts the trace whose activities are recorded; dispose it when the flow is over.</summary>
    public Activity StartRoot(string name)
    {
        var root = Source.StartActivity(name, ActivityKind.Internal) ?? throw new InvalidOperationException("The capture listener did not sample the root.");
        _traceId = root.TraceId;
        return root;
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>What one activity carried: names, tags, events (with their tags), baggage, status.</summary>
public sealed record CapturedActivity(
    bool Exported, string Source, string OperationName, string DisplayName, string? StatusDescription,
    IReadOnlyList<KeyValuePair<string, string?>> Tags, IReadOnlyList<string> Events, IReadOnlyList<KeyValuePair<string, string?>> Baggage)
{
    public static CapturedActivity Of(Activity activity, bool exported) => new(
        exported,
        activity.Source.Name,
        activity.OperationName,
        activity.DisplayName,
        activity.StatusDescription,
        [.. activity.TagObjects.Select(t => new KeyValuePair<string, string?>(t.Key, Text(t.Value)))],
        [.. activity.Events.SelectMany(e => new[] { e.Name }.Concat(e.Tags.Select(t => $"{t.Key}={Text(t.Value)}")))],
        [.. activity.Baggage]);

    /// <summary>Every string this activity carries.</summary>
    public IEnumerable<string> Strings =>
        new[] { Source, OperationName, DisplayName, StatusDescription }
            .Concat(Tags.SelectMany(t => new[] { t.Key, t.Value }))
            .Concat(Events)
            .Concat(Baggage.SelectMany(b => new[] { b.Key, b.Value }))
            .OfType<string>();

    private static string? Text(object? value) =>
        value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
}
