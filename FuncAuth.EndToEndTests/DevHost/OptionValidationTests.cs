using System.Net;
using System.Net.Sockets;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>Every bad start-up input ends the DevHost with exit code 2 and one line on stderr, before it listens or launches a worker.</summary>
public sealed class OptionValidationTests
{
    [Theory]
    [InlineData(new[] { "--address", "not-an-ip" }, "--address 'not-an-ip' is not an IP address or 'localhost'")]
    [InlineData(new[] { "--address", "0.0.0.0" }, "--address 0.0.0.0 is not a loopback address")]
    [InlineData(new[] { "--address", "192.168.1.20" }, "add --allow-remote")]
    [InlineData(new[] { "--address", "::" }, "is not a loopback address")]
    [InlineData(new[] { "--port", "0" }, "--port '0' is not a port")]
    [InlineData(new[] { "--port", "65536" }, "--port '65536' is not a port")]
    [InlineData(new[] { "--port", "http" }, "--port 'http' is not a port")]
    [InlineData(new[] { "--port" }, "--port needs a value")]
    [InlineData(new[] { "--max-request-body-size", "0" }, "--max-request-body-size '0' is not a body size")]
    [InlineData(new[] { "--max-request-body-size", "-1" }, "--max-request-body-size '-1' is not a body size")]
    [InlineData(new[] { "--max-request-body-size", "100MB" }, "--max-request-body-size '100MB' is not a body size")]
    [InlineData(new[] { "--max-request-body-size", "1073741825" }, "from 1 to 1073741824")]
    [InlineData(new[] { "--prot", "7071" }, "unknown option '--prot'")]
    [InlineData(new[] { "--allow-remote=yes" }, "--allow-remote takes no value")]
    [InlineData(new[] { "7071" }, "unexpected argument '7071'")]
    [InlineData(new[] { "--port", "7071", "--port", "7072" }, "--port is given twice")]
    public async Task ABadCommandLineOptionExitsWithCode2AndOneLineNamingIt(string[] arguments, string expected)
    {
        var run = await DevHostCommand.RunAsync(["--app", RepositoryLayout.SampleApp, .. arguments]);

        AssertRefused(run, expected);
    }

    [Theory]
    [InlineData("DEVHOST_PORT", "seventy", "DEVHOST_PORT 'seventy' is not a port")]
    [InlineData("DEVHOST_ADDRESS", "10.0.0.1", "DEVHOST_ADDRESS 10.0.0.1 is not a loopback address")]
    [InlineData("DEVHOST_MAX_REQUEST_BODY_SIZE", "1e6", "DEVHOST_MAX_REQUEST_BODY_SIZE '1e6' is not a body size")]
    [InlineData("DEVHOST_ALLOW_REMOTE", "maybe", "DEVHOST_ALLOW_REMOTE 'maybe' is not a boolean")]
    public async Task ABadEnvironmentVariableExitsWithCode2AndOneLineNamingIt(string variable, string value, string expected)
    {
        var run = await DevHostCommand.RunAsync(
            ["--app", RepositoryLayout.SampleApp],
            new Dictionary<string, string> { [variable] = value });

        AssertRefused(run, expected);
    }

    [Fact]
    public async Task AMissingAppDirectoryExitsWithCode2AndOneLine()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-app-" + Guid.NewGuid().ToString("N"));

        var run = await DevHostCommand.RunAsync(["--app", missing]);

        AssertRefused(run, $"--app '{missing}' does not exist");
    }

    [Fact]
    public async Task AllowRemoteLiftsTheLoopbackRuleAndNothingElse()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-app-" + Guid.NewGuid().ToString("N"));

        // The address is checked before the app directory, so the message shows which rule stopped the start.
        var refused = await DevHostCommand.RunAsync(["--address", "0.0.0.0", "--app", missing]);
        var allowed = await DevHostCommand.RunAsync(["--address", "0.0.0.0", "--allow-remote", "--app", missing]);

        AssertRefused(refused, "is not a loopback address");
        AssertRefused(allowed, "does not exist");
    }

    [Fact]
    public async Task ABadPortInLocalSettingsIsNamedWithItsFile()
    {
        using var app = new SampleAppCopy();
        app.Write("local.settings.json", """{ "Values": {}, "Host": { "LocalHttpPort": 70000 } }""");

        var run = await DevHostCommand.RunAsync(["--app", app.Directory]);

        AssertRefused(run, "Host.LocalHttpPort in local.settings.json '70000' is not a port");
    }

    [Fact]
    public async Task AnUnreadableWorkerConfigExitsWithCode2AndOneLine()
    {
        using var app = new SampleAppCopy();
        app.Write("worker.config.json", """{ "description": "not an object" }""");

        var run = await DevHostCommand.RunAsync(["--app", app.Directory]);

        AssertRefused(run, "is not a worker.config.json the DevHost can read");
    }

    [Fact]
    public async Task APortAlreadyInUseExitsWithCode2AndOneLine()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var run = await DevHostCommand.RunAsync(["--app", RepositoryLayout.SampleApp, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        AssertRefused(run, $"cannot listen on http://127.0.0.1:{port}");
    }

    private static void AssertRefused(DevHostRun run, string expected)
    {
        var context = $"stdout:\n{run.StandardOutput}\nstderr:\n{run.StandardError}";
        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}\n{context}");
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("FuncAuth.DevHost: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", context);
        Assert.DoesNotContain("Exception", context);
        Assert.DoesNotContain("Launching the worker", run.StandardOutput);
    }
}
