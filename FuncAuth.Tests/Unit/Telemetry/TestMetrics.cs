using FuncAuth.Telemetry;
using FuncAuth.Tests.Infrastructure;

namespace FuncAuth.Tests.Unit.Telemetry;

/// <summary><see cref="FuncAuthMetrics"/> on a meter factory of its own, for services under unit test.</summary>
internal static class TestMetrics
{
    public static FuncAuthMetrics Create() => new(new TestMeterFactory());

    public static FuncAuthMetrics Create(TestMeterFactory factory) => new(factory);
}
