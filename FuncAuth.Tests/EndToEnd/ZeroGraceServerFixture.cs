using System.Security.Cryptography;
using FuncAuth.Tests.Infrastructure;

namespace FuncAuth.Tests.EndToEnd;

/// <summary>
/// A second local DevHost with <c>Auth__RefreshReuseGrace=00:00:00</c>, so replay revocation can be seen over HTTP
/// without waiting out the default 10 s grace window (cold start is about a second). It always runs locally,
/// also when <c>FUNCAUTH_BASE_URL</c> targets another instance, because it needs a setting of its own.
/// </summary>
public sealed class ZeroGraceServerFixture : IAsyncLifetime
{
    public DevHostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Tables__Users"] = TestStorage.UniqueTableName("e2egraceusers"),
            ["Tables__Sessions"] = TestStorage.UniqueTableName("e2egracesessions"),
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth__RefreshReuseGrace"] = "00:00:00",
            ["Auth__AllowedOrigins__0"] = null,
            // The DevHost tells the worker its own URL (localhost:<port>); an inherited value would override it.
            ["WEBSITE_HOSTNAME"] = null,
        });
        await Host.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
