namespace FuncAuth.EndToEndTests.Api;

/// <summary>Every test that talks to the real API over HTTP (end-to-end and browser) shares one server.</summary>
[CollectionDefinition(Name)]
public sealed class ApiServerCollection : ICollectionFixture<ApiServerFixture>
{
    public const string Name = "API server over HTTP";
}
