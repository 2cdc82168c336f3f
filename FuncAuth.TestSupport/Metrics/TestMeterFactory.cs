using System.Diagnostics.Metrics;

namespace FuncAuth.TestSupport.Metrics;

/// <summary>An <see cref="IMeterFactory"/> whose meters carry it as their scope, so a <see cref="MetricRecorder"/> can tell them apart.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
            _meters.Clear();
        }
    }
}
