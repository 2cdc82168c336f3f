using System.Security.Cryptography;
using FuncAuth.TestSupport;
using FuncAuth.TestSupport.Tables;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// A second local DevHost with settings and tables of its own: <c>Auth__RefreshReuseGrace=00:00:00</c>, so replay
/// revocation can be seen over HTTP without waiting out the default 10 s grace window, and known table names, so a
/// test can plant rows (e.g. a user with a legacy password hash). It always runs locally, also when
/// <c>FUNCAUTH_BASE_URL</c> targets another instance.
/// </summary>
public sealed class OwnServerFixture : IAsyncLifetime
{
    public DevHostProcess Host { get; private set; } = null!;

    public string UsersTable { get; } = TestStorage.UniqueTableName("e2eownusers");

    public string SessionsTable { get; } = TestStorage.UniqueTableName("e2eownsessions");

    public async Task InitializeAsync()
    {
        Host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Tables__Users"] = UsersTable,
            ["Tables__Sessions"] = SessionsTable,
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth__RefreshReuseGrace"] = "00:00:00",
            ["Auth__AllowedOrigins__0"] = null,
            // The DevHost tells the worker its own URL (localhost:<port>); an inherited value would override it.
            ["WEBSITE_HOSTNAME"] = null,
        }, ignoreLocalSettings: true);
        await Host.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
