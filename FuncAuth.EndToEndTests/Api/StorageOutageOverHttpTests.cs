using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using FuncAuth.TestSupport;
using Xunit.Abstractions;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// The real worker behind the DevHost, on an Azurite of the test's own that is frozen (SIGSTOP), thawed, killed and
/// restarted on the same data while a stream of logins, refreshes and protected calls keeps going. Storage calls are
/// bounded by the client's timeouts (2 × 1.3 s + 0.1 s, see TableStorageServiceCollectionExtensions), so calls that
/// need storage answer 503 + Retry-After within about 3 s; calls that need none keep answering; nothing needs a
/// restart afterwards; and a refresh that got a 503 succeeds when retried with the same token, whether or not its
/// first write landed, without revoking the session.
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class StorageOutageOverHttpTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>A hang detector with room for a loaded machine, not the latency claim (measured in docs/reliability.md).</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(8);

    private AzuriteProcess _azurite = null!;
    private DevHostProcess _host = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = _azurite.ConnectionString,
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["WEBSITE_HOSTNAME"] = null,
        }, ignoreLocalSettings: true);
        await _host.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task AFrozenThenKilledStorageGives503sPromptlyLosesNoSessionAndRecoversWithoutARestart()
    {
        using var alice = new BrowserLikeClient(_host.BaseAddress);
        var (aliceEmail, _) = await alice.SignInNewUserAsync();
        using var stream = new TrafficStream(_host.BaseAddress);
        await stream.StartAsync();

        // Freeze: storage calls hang until the client's timeouts give up.
        _azurite.Freeze();
        var tokenBeforeFreeze = alice.Jar.Find("refresh-cookie")!.Value;
        var (frozenRefresh, frozenRefreshTook) = await TimedAsync(() => alice.RefreshAsync());
        var (frozenLogin, frozenLoginTook) = await TimedAsync(() => alice.LoginAsync(aliceEmail));
        var (moviesWhileFrozen, _) = await TimedAsync(() => alice.GetAsync("api/users/fav-movies"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        _azurite.Thaw();

        output.WriteLine($"frozen storage: refresh 503 after {frozenRefreshTook.TotalMilliseconds:F0} ms, login 503 after {frozenLoginTook.TotalMilliseconds:F0} ms");
        await AssertUnavailableAsync(frozenRefresh, frozenRefreshTook);
        await AssertUnavailableAsync(frozenLogin, frozenLoginTook);
        Assert.Equal(HttpStatusCode.OK, moviesWhileFrozen.StatusCode);

        // The refresh that got a 503 is retried with the same token (the jar kept it: a failed refresh sets no
        // cookie). Its first write may have landed when Azurite resumed: either way the client gets a successor.
        Assert.Equal(tokenBeforeFreeze, alice.Jar.Find("refresh-cookie")!.Value);
        Assert.Equal(HttpStatusCode.OK, (await alice.RefreshAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.RefreshAsync()).StatusCode);

        // Kill: connections are refused, which the client reports at once. Azurite writes its data to disk every 5 s
        // (LokiJS autosave) while Azure Storage acknowledges only what it stored durably, so the test lets one save
        // pass first: a kill then models a crash of a durable store, not the emulator's own write-back window.
        await Task.Delay(AzuriteProcess.AutosaveInterval + TimeSpan.FromSeconds(1));
        await _azurite.KillAsync();
        var tokenBeforeKill = alice.Jar.Find("refresh-cookie")!.Value;
        var (deadRefresh, deadRefreshTook) = await TimedAsync(() => alice.RefreshAsync());
        var (moviesWhileDead, _) = await TimedAsync(() => alice.GetAsync("api/users/fav-movies"));
        output.WriteLine($"killed storage: refresh 503 after {deadRefreshTook.TotalMilliseconds:F0} ms");
        await AssertUnavailableAsync(deadRefresh, deadRefreshTook);
        Assert.Equal(HttpStatusCode.OK, moviesWhileDead.StatusCode);

        // Restart on the same data and port: the same worker serves again, and no session was lost or revoked.
        await _azurite.RestartAsync();
        Assert.Equal(tokenBeforeKill, alice.Jar.Find("refresh-cookie")!.Value);
        Assert.Equal(HttpStatusCode.OK, (await alice.RefreshAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("api/users/me")).StatusCode);
        using var newcomer = new BrowserLikeClient(_host.BaseAddress);
        await newcomer.SignInNewUserAsync();

        var seen = await stream.StopAsync();
        output.WriteLine($"stream: {seen.Count} requests, {seen.Count(x => x.Status == HttpStatusCode.ServiceUnavailable)} answered 503, slowest {seen.Max(x => x.Took).TotalMilliseconds:F0} ms");
        Assert.True(_host.Exited.IsCompleted is false, "the DevHost (and its worker) kept running throughout");
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Contains(s.Status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.All(seen, s => Assert.True(s.Took < AnswerBound, $"{s.Path} took {s.Took}"));
        Assert.All(seen.Where(s => s.Path.EndsWith("fav-movies", StringComparison.Ordinal)), s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Contains(seen, s => s.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, seen[^1].Status);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, TimeSpan took)
    {
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.True(took < AnswerBound, $"503 after {took}");
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        var response = await send();
        await response.Content.LoadIntoBufferAsync();
        return (response, watch.Elapsed);
    }

    /// <summary>Background traffic during the outage: logins and protected calls of another user, one at a time.</summary>
    private sealed class TrafficStream(Uri baseAddress) : IDisposable
    {
        private readonly BrowserLikeClient _client = new(baseAddress);
        private readonly ConcurrentQueue<(string Path, HttpStatusCode Status, TimeSpan Took)> _seen = new();
        private readonly CancellationTokenSource _stop = new();
        private Task? _loop;

        public async Task StartAsync()
        {
            var (email, _) = await _client.SignInNewUserAsync();
            _loop = Task.Run(async () =>
            {
                for (var i = 0; !_stop.IsCancellationRequested; i++)
                {
                    var path = i % 2 == 0 ? "api/users/fav-movies" : "api/auth/login";
                    var watch = Stopwatch.StartNew();
                    using var response = path.EndsWith("login", StringComparison.Ordinal)
                        ? await _client.LoginAsync(email)
                        : await _client.GetAsync(path);
                    _seen.Enqueue((path, response.StatusCode, watch.Elapsed));
                    await Task.Delay(50);
                }
            });
        }

        public async Task<List<(string Path, HttpStatusCode Status, TimeSpan Took)>> StopAsync()
        {
            // One more round after recovery, so the last answer shows the stream recovered too.
            await Task.Delay(300);
            _stop.Cancel();
            await _loop!;
            return [.. _seen];
        }

        public void Dispose()
        {
            _stop.Cancel();
            _client.Dispose();
            _stop.Dispose();
        }
    }
}
