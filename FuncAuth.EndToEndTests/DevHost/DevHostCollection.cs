namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>The tests that share one running DevHost (<see cref="DevHostFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "DevHost";
}
