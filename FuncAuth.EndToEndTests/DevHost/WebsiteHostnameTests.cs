using FuncAuth.EndToEndTests.Api;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>
/// Like Core Tools, the DevHost tells the worker where it is served: WEBSITE_HOSTNAME=localhost:&lt;port&gt;.
/// An explicit environment variable wins; local.settings.json cannot set it.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class WebsiteHostnameTests(DevHostFixture fixture)
{
    [Fact]
    public async Task TheWorkerSeesLocalhostAndThePortTheDevHostServesOn()
    {
        Assert.Equal($"localhost:{fixture.Host.Port}", await ReadWebsiteHostnameAsync(fixture.Host));
    }

    [Fact]
    public async Task LocalSettingsValuesCannotSetWebsiteHostnameInAnySpelling()
    {
        using var app = new SampleAppCopy();
        app.Write(
            "local.settings.json",
            """{ "Values": { "WEBSITE_HOSTNAME": "evil.example:443", "website_hostname": "evil.example" } }""");
        await using var host = DevHostProcess.Start(app.Directory, new Dictionary<string, string?> { ["WEBSITE_HOSTNAME"] = null });
        await host.WaitUntilReadyAsync();

        Assert.Equal($"localhost:{host.Port}", await ReadWebsiteHostnameAsync(host));
        Assert.Contains("local.settings.json Values sets WEBSITE_HOSTNAME; ignored", host.Output);
        Assert.Contains("local.settings.json Values sets website_hostname; ignored", host.Output);
    }

    [Fact]
    public async Task AnExplicitEnvironmentVariableWins()
    {
        await using var host = DevHostProcess.Start(
            RepositoryLayout.SampleApp,
            new Dictionary<string, string?> { ["WEBSITE_HOSTNAME"] = "dev.example.test:8443" });
        await host.WaitUntilReadyAsync();

        Assert.Equal("dev.example.test:8443", await ReadWebsiteHostnameAsync(host));
        Assert.Contains($"inherits WEBSITE_HOSTNAME=dev.example.test:8443 from the environment instead of localhost:{host.Port}", host.Output);
    }

    private static async Task<string> ReadWebsiteHostnameAsync(DevHostProcess host)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        return await client.GetStringAsync("api/website-hostname");
    }
}
