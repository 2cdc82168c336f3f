using System.Security.Cryptography;
using FuncAuth.TestSupport;
using FuncAuth.TestSupport.Tables;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// The API under test, once per run for the whole <see cref="ApiServerCollection"/>: the real FuncAuth worker
/// behind the DevHost on a free loopback port, against Azurite with tables of its own. When
/// <c>FUNCAUTH_BASE_URL</c> is set (for example <c>http://localhost:7071</c> under <c>func start</c>, or a
/// deployment), the same tests target that instance instead and nothing is started.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    /// <summary>Set to target an already running instance.</summary>
    public const string BaseUrlVariable = "FUNCAUTH_BASE_URL";

    /// <summary>The DevHost process, or null when targeting <c>FUNCAUTH_BASE_URL</c>.</summary>
    public DevHostProcess? Host { get; private set; }

    /// <summary>Where the API is, without the <c>/api</c> prefix, ending in '/'.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>True when this run started the API itself (so its settings are the ones below).</summary>
    public bool IsLocal => Host is not null;

    /// <summary>The base64 signing key of the local server (for forgeries that need the real key); null when external.</summary>
    public string? SigningKey { get; private set; }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(BaseUrlVariable) is { Length: > 0 } external)
        {
            BaseAddress = new Uri(external.EndsWith('/') ? external : external + "/");
            return;
        }

        SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Tables__Users"] = TestStorage.UniqueTableName("e2eusers"),
            ["Tables__Sessions"] = TestStorage.UniqueTableName("e2esessions"),
            ["Auth__SigningKey"] = SigningKey,
            ["Auth__Issuer"] = "https://funcauth.e2e/",
            ["Auth__Audience"] = "funcauth-e2e",
            ["Auth__AllowedOrigins__0"] = null,
            // The DevHost tells the worker its own URL (localhost:<port>); an inherited value would override it.
            ["WEBSITE_HOSTNAME"] = null,
        }, ignoreLocalSettings: true);
        await Host.WaitUntilReadyAsync();
        BaseAddress = Host.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
