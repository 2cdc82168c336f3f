using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using FuncAuth.EndToEndTests.Api;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>Tests that need a DevHost of their own: start-up, crash and shutdown behaviour, other host.json settings.</summary>
public sealed partial class StartupTests
{
    [Fact]
    public async Task RequestSentDuringStartUpWaitsAndSucceeds()
    {
        await using var host = DevHostProcess.Start(
            RepositoryLayout.SampleApp,
            new Dictionary<string, string?> { ["DEVHOST_SAMPLE_START_DELAY_MS"] = "1500" });
        await WaitUntilListeningAsync(host);
        Assert.False(host.IsReady, "the worker was ready before the request could be sent; the test proves nothing");

        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await client.GetAsync("api/hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WorkerThatCrashesAtStartMakesTheDevHostExitNonZero()
    {
        await using var host = DevHostProcess.Start(
            RepositoryLayout.SampleApp,
            new Dictionary<string, string?> { ["DEVHOST_SAMPLE_CRASH_AT_START"] = "1" });

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("exited with code", host.Output);
        Assert.Contains("before it was ready", host.Output);
        Assert.Contains("DevHostSample was told to crash at start", host.Output);
        Assert.DoesNotContain(DevHostProcess.ReadyLinePrefix, host.Output);
    }

    [Fact]
    public async Task StoppingTheDevHostStopsTheWorker()
    {
        var host = DevHostProcess.Start(RepositoryLayout.SampleApp);
        await host.WaitUntilReadyAsync();
        var workerPid = int.Parse(WorkerPid().Match(host.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await host.DisposeAsync();

        Assert.Equal(0, await host.Exited);
        Assert.Contains("Sent WorkerTerminate", host.Output);
        Assert.False(IsRunning(workerPid), $"worker {workerPid} outlived the DevHost");
    }

    [Fact]
    public async Task RoutePrefixComesFromHostJson()
    {
        using var app = new SampleAppCopy();
        app.Write("host.json", """{ "version": "2.0", "extensions": { "http": { "routePrefix": "" } } }""");
        await using var host = DevHostProcess.Start(app.Directory);
        await host.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var unprefixed = await client.GetAsync("hello");
        using var prefixed = await client.GetAsync("api/hello");

        Assert.Equal(HttpStatusCode.OK, unprefixed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, prefixed.StatusCode);
    }

    [Fact]
    public async Task CorsFromLocalSettingsAnswersPreflightsLikeCoreTools()
    {
        using var app = new SampleAppCopy();
        app.Write(
            "local.settings.json",
            """{ "IsEncrypted": false, "Values": {}, "Host": { "CORS": "http://allowed.test", "CORSCredentials": true } }""");
        await using var host = DevHostProcess.Start(app.Directory);
        await host.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/hello");
        preflight.Headers.Add("Origin", "http://allowed.test");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "api/hello");
        foreign.Headers.Add("Origin", "http://other.test");

        using var allowed = await client.SendAsync(preflight);
        using var refused = await client.SendAsync(foreign);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(["http://allowed.test"], allowed.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["true"], allowed.Headers.GetValues("Access-Control-Allow-Credentials"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [GeneratedRegex(@"Worker process started \(PID (\d+)\)")]
    private static partial Regex WorkerPid();

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Kestrel listens well before the worker has loaded its functions; that is the window under test.</summary>
    private static async Task WaitUntilListeningAsync(DevHostProcess host)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, host.Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(10);
            }
        }

        throw new InvalidOperationException($"The DevHost never listened. Its output:\n{host.Output}");
    }
}
