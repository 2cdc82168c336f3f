using System.Net;
using FuncAuth.EndToEndTests.Api;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>
/// <c>--cors</c> / <c>DEVHOST_CORS</c> and <c>--cors-credentials</c> / <c>DEVHOST_CORS_CREDENTIALS</c>, Core Tools'
/// <c>func start</c> flags: they replace <c>Host.CORS</c> / <c>Host.CORSCredentials</c> of local.settings.json, so a
/// test can give a DevHost the CORS policy of a browser app without writing a settings file into the app's output.
/// </summary>
public sealed class CorsOptionTests
{
    private const string SpaOrigin = "http://localhost:5173";

    [Fact]
    public async Task CorsVariablesReplaceTheOriginsOfLocalSettingsAndAllowCredentials()
    {
        using var app = new SampleAppCopy();
        app.Write("local.settings.json", """{ "Values": {}, "Host": { "CORS": "http://settings.test", "CORSCredentials": false } }""");
        await using var host = DevHostProcess.Start(app.Directory, new Dictionary<string, string?>
        {
            ["DEVHOST_CORS"] = $"{SpaOrigin}, http://second.test",
            ["DEVHOST_CORS_CREDENTIALS"] = "true",
        });
        await host.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var spa = await client.SendAsync(Preflight(SpaOrigin));
        using var second = await client.SendAsync(Preflight("http://second.test"));
        using var replaced = await client.SendAsync(Get("http://settings.test"));

        Assert.Equal(HttpStatusCode.NoContent, spa.StatusCode);
        Assert.Equal([SpaOrigin], spa.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["true"], spa.Headers.GetValues("Access-Control-Allow-Credentials"));
        Assert.Equal(["http://second.test"], second.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.False(replaced.Headers.Contains("Access-Control-Allow-Origin"), "Host.CORS should have been replaced by DEVHOST_CORS");
    }

    [Fact]
    public async Task CorsOriginsWithoutTheCredentialsFlagKeepCredentialsOffAsInLocalSettings()
    {
        using var app = new SampleAppCopy();
        await using var host = DevHostProcess.Start(app.Directory, new Dictionary<string, string?> { ["DEVHOST_CORS"] = SpaOrigin });
        await host.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var allowed = await client.SendAsync(Get(SpaOrigin));

        Assert.Equal([SpaOrigin], allowed.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"), "credentials were allowed without being asked for");
    }

    [Theory]
    [InlineData(new[] { "--cors", "http://localhost:5173/" }, "--cors 'http://localhost:5173/' is not an origin")]
    [InlineData(new[] { "--cors", "localhost:5173" }, "--cors 'localhost:5173' is not an origin")]
    [InlineData(new[] { "--cors", "http://localhost:5173/app" }, "is not an origin")]
    [InlineData(new[] { "--cors", "ftp://localhost" }, "is not an origin")]
    [InlineData(new[] { "--cors", "*", "--cors-credentials" }, "--cors allows any origin ('*') together with credentials")]
    [InlineData(new[] { "--cors-credentials=true" }, "--cors-credentials takes no value")]
    public async Task ABadCorsOptionExitsWithCode2AndOneLineNamingIt(string[] arguments, string expected)
    {
        var run = await DevHostCommand.RunAsync(["--app", RepositoryLayout.SampleApp, .. arguments]);

        AssertRefused(run, expected);
    }

    [Fact]
    public async Task ABadCorsCredentialsVariableExitsWithCode2()
    {
        var run = await DevHostCommand.RunAsync(
            ["--app", RepositoryLayout.SampleApp],
            new Dictionary<string, string> { ["DEVHOST_CORS_CREDENTIALS"] = "maybe" });

        AssertRefused(run, "DEVHOST_CORS_CREDENTIALS 'maybe' is not a boolean");
    }

    [Fact]
    public async Task ABadOriginInLocalSettingsIsNamedWithItsFile()
    {
        using var app = new SampleAppCopy();
        app.Write("local.settings.json", """{ "Values": {}, "Host": { "CORS": "http://ok.test,http://slash.test/" } }""");

        var run = await DevHostCommand.RunAsync(["--app", app.Directory]);

        AssertRefused(run, "Host.CORS in local.settings.json 'http://slash.test/' is not an origin");
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "api/hello");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    private static HttpRequestMessage Get(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/hello");
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static void AssertRefused(DevHostRun run, string expected)
    {
        var context = $"stdout:\n{run.StandardOutput}\nstderr:\n{run.StandardError}";
        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}\n{context}");
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("FuncAuth.DevHost: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("Launching the worker", run.StandardOutput);
    }
}
