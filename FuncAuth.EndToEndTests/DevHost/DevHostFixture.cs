using FuncAuth.EndToEndTests.Api;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>One DevHost with the sample worker for the whole DevHost collection: cold start costs about a second.</summary>
public sealed class DevHostFixture : IAsyncLifetime
{
    public DevHostProcess Host { get; private set; } = null!;

    /// <summary>Sends Cookie headers as written (no cookie container) and never follows redirects.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Without an inherited WEBSITE_HOSTNAME, so the worker sees the DevHost's own value.
        Host = DevHostProcess.Start(RepositoryLayout.SampleApp, new Dictionary<string, string?> { ["WEBSITE_HOSTNAME"] = null });
        await Host.WaitUntilReadyAsync();
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = Host.BaseAddress,
        };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
