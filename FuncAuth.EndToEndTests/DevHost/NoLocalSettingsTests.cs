using FuncAuth.EndToEndTests.Api;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>
/// <c>--no-local-settings</c>: the app's local.settings.json is not read at all, so a test's environment is the only
/// source of settings even on a machine where <c>scripts/run</c> created that file beside the worker.
/// </summary>
public sealed class NoLocalSettingsTests
{
    [Fact]
    public async Task WithTheFlagALocalSettingsFileThatWouldStopTheDevHostIsNotRead()
    {
        using var app = new SampleAppCopy();
        app.Write("local.settings.json", """{ "Host": { "LocalHttpPort": "not-a-port" } }""");

        var refused = await DevHostCommand.RunAsync(["--app", app.Directory]);
        await using var host = DevHostProcess.Start(app.Directory, new Dictionary<string, string?> { ["WEBSITE_HOSTNAME"] = null }, ignoreLocalSettings: true);
        await host.WaitUntilReadyAsync();

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("Host.LocalHttpPort", refused.StandardError);
        Assert.Equal("hi", await new HttpClient { BaseAddress = host.BaseAddress }.GetStringAsync("api/hello"));
    }
}
