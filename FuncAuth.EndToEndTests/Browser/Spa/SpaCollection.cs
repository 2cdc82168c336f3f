namespace FuncAuth.EndToEndTests.Browser.Spa;

/// <summary>The browser-app tests share one API and one SPA server, and run one after another (their timing is real).</summary>
[CollectionDefinition(Name)]
public sealed class SpaCollection : ICollectionFixture<SpaFixture>
{
    public const string Name = "Browser app on its own origin";
}
