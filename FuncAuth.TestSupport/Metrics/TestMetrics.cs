using FuncAuth.Telemetry;

namespace FuncAuth.TestSupport.Metrics;

/// <summary><see cref="FuncAuthMetrics"/> on a meter factory of its own, for services under unit test.</summary>
internal static class TestMetrics
{
    public static FuncAuthMetrics Create() => new(new TestMeterFactory());

    public static FuncAuthMetrics Create(TestMeterFactory factory) => new(factory);
}
