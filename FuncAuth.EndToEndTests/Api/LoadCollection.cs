namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// The soak, overload and outage tests: each drives its own worker hard and judges latency, so they run alone, never
/// alongside other test classes competing for the same two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "Load and fault tests (run alone)";
}
