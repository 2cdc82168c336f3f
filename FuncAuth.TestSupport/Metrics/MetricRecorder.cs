using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FuncAuth.TestSupport.Metrics;

/// <summary>
/// Every measurement of every instrument in the process while it lives (a <see cref="MeterListener"/>), with its tags.
/// Tests run in parallel, so assertions on counts pick the measurements of their own meter factory with <see cref="Of"/>.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();

    public MetricRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<float>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, value, tags, _) => Add(i, (double)value, tags));
        _listener.SetMeasurementEventCallback<short>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<byte>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<RecordedMeasurement> All => [.. _measurements];

    /// <summary>Measurements of the meters <paramref name="meterFactory"/> created, named <paramref name="instrument"/>.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(IMeterFactory meterFactory, string instrument) =>
        [.. _measurements.Where(m => ReferenceEquals(m.Scope, meterFactory) && m.Instrument == instrument)];

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new RecordedMeasurement(
            instrument.Meter.Name, instrument.Meter.Scope, instrument.Name, value,
            tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
}

/// <summary>One measurement: its meter, instrument, value and tags.</summary>
public sealed record RecordedMeasurement(string Meter, object? Scope, string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    /// <summary>The tags as <c>key=value</c>, sorted, for readable assertions.</summary>
    public string TagText => string.Join(",", Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
}
