using System.Security.Cryptography;
using FuncAuth.EndToEndTests.Api;
using FuncAuth.TestSupport;
using FuncAuth.TestSupport.Tables;
using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser.Spa;

/// <summary>
/// A browser app on its own origin beside the API, as <c>scripts/run --spa</c> serves them: the sample SPA on
/// http://localhost:&lt;spa port&gt; and the real FuncAuth worker behind a DevHost on http://localhost:&lt;api port&gt;
/// (same site, other origin), with the SPA's origin in the host's CORS (credentials allowed, <c>DEVHOST_CORS</c>)
/// and in <c>Auth__AllowedOrigins</c>. Access tokens live <see cref="AccessTokenLifetime"/> with no clock skew, so
/// an expiry can be watched in seconds. Always local (it needs settings of its own), also under FUNCAUTH_BASE_URL.
/// </summary>
public sealed class SpaFixture : IAsyncLifetime
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(5);

    public DevHostProcess Host { get; private set; } = null!;

    public SpaStaticServer Spa { get; private set; } = null!;

    /// <summary>http://localhost:&lt;api port&gt;/ (the DevHost listens on 127.0.0.1; the browser reaches it as localhost).</summary>
    public Uri Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Sign-up and sign-in hash passwords on a shared 2-core machine; Playwright's 5 s default is too tight there.
        Assertions.SetDefaultExpectTimeout(15_000);
        var spaPort = FreeTcpPort.Pick();
        var spaOrigin = $"http://localhost:{spaPort}";
        Host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Tables__Users"] = TestStorage.UniqueTableName("spausers"),
            ["Tables__Sessions"] = TestStorage.UniqueTableName("spasessions"),
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth__AccessTokenLifetime"] = AccessTokenLifetime.ToString("c"),
            ["Auth__ClockSkew"] = "00:00:00",
            ["Auth__AllowedOrigins__0"] = spaOrigin,
            ["DEVHOST_CORS"] = spaOrigin,
            ["DEVHOST_CORS_CREDENTIALS"] = "true",
            // The DevHost tells the worker its own URL (localhost:<port>); an inherited value would override it.
            ["WEBSITE_HOSTNAME"] = null,
        }, ignoreLocalSettings: true);
        await Host.WaitUntilReadyAsync();
        Api = new Uri($"http://localhost:{Host.Port}/");
        Spa = await SpaStaticServer.StartAsync(spaPort, Api);
    }

    public async Task DisposeAsync()
    {
        if (Spa is not null)
        {
            await Spa.DisposeAsync();
        }

        await Host.DisposeAsync();
    }
}
