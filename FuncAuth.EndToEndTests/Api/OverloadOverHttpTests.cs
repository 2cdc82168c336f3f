using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FuncAuth.TestSupport;
using FuncAuth.TestSupport.Tables;
using Xunit.Abstractions;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// 500 concurrent logins against one account and against many, on a worker of the test's own. The service keeps
/// answering (401, 429 or 503 + Retry-After; never a 500), the lockout holds, memory stays bounded by the hashing gate,
/// calls that need no hashing are not starved, and it answers normally at once afterwards.
/// </summary>
[Collection(LoadCollection.Name)]
public sealed partial class OverloadOverHttpTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Burst = 500;

    /// <summary>Far above the ~100 MiB the worker uses at rest; hashing adds at most processor count × 19 MiB.</summary>
    private const long PeakResidentBoundKiB = 512 * 1024;

    private static readonly HttpStatusCode[] Shed = [HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable];

    private DevHostProcess _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Tables__Users"] = TestStorage.UniqueTableName("overusers"),
            ["Tables__Sessions"] = TestStorage.UniqueTableName("oversessions"),
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["WEBSITE_HOSTNAME"] = null,
        }, ignoreLocalSettings: true);
        await _host.WaitUntilReadyAsync();
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = Burst + 16 })
        {
            BaseAddress = _host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task FiveHundredConcurrentLoginsOnOneAccountAndOnManyAreAllAnsweredAndTheLockoutHolds()
    {
        var target = await RegisterAsync("target");
        var others = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            others.Add(await RegisterAsync($"other{i}"));
        }

        var onOne = await BurstAsync(i => (target, $"wrong password number {i}"));
        var onMany = await BurstAsync(i => i % 2 == 0 ? (others[i % others.Count], Password(others[i % others.Count])) : ($"nobody-{i}-{Guid.NewGuid():N}@example.test", "no such account here"));

        Report("one account", onOne.Answers, onOne.Probe);
        Report("many accounts", onMany.Answers, onMany.Probe);
        Assert.All(onOne.Answers, a => Assert.Contains(a.Status, Shed));
        Assert.InRange(onOne.Answers.Count(a => a.Status == HttpStatusCode.Unauthorized), 1, 5);
        Assert.All(onMany.Answers, a => Assert.Contains(a.Status, Shed.Append(HttpStatusCode.OK)));
        Assert.All(onOne.Answers.Concat(onMany.Answers).Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a => Assert.True(a.RetryAfter));

        // Requests that need no hashing were answered during the bursts, not starved behind them.
        Assert.Equal(HttpStatusCode.OK, onOne.Probe.Status);
        Assert.Equal(HttpStatusCode.OK, onMany.Probe.Status);

        // Lockout held: even the right password is refused now. And the service recovered at once.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(target, Password(target))).Status);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(others[1], Password(others[1]))).Status);

        var peakKiB = PeakResidentKiB();
        output.WriteLine($"worker peak resident memory (VmHWM): {peakKiB / 1024} MiB");
        Assert.True(peakKiB < PeakResidentBoundKiB, $"the worker peaked at {peakKiB / 1024} MiB");
    }

    private static string Password(string email) => $"overload password for {email}";

    // Buffered with a Content-Length: the host forwards no body for a chunked upload (JsonContent streams).
    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private async Task<string> RegisterAsync(string name)
    {
        var email = $"overload-{name}-{Guid.NewGuid():N}@example.test";
        using var response = await _http.PostAsync("api/auth/register", Json(new { email, password = Password(email) }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    private async Task<Answer> LoginAsync(string email, string password)
    {
        var watch = Stopwatch.StartNew();
        using var response = await _http.PostAsync("api/auth/login", Json(new { email, password }));
        await response.Content.LoadIntoBufferAsync();
        return new Answer(response.StatusCode, watch.Elapsed, response.Headers.RetryAfter?.Delta is not null);
    }

    private async Task<(Answer[] Answers, Answer Probe)> BurstAsync(Func<int, (string Email, string Password)> login)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var logins = Enumerable.Range(0, Burst).Select(async i =>
        {
            await start.Task;
            var (email, password) = login(i);
            return await LoginAsync(email, password);
        }).ToList();
        start.SetResult();

        // While the burst is in flight: a protected call that needs no hashing and no storage.
        var watch = Stopwatch.StartNew();
        using var probe = await _http.GetAsync("api/health");
        var probeAnswer = new Answer(probe.StatusCode, watch.Elapsed, RetryAfter: false);
        return (await Task.WhenAll(logins), probeAnswer);
    }

    private void Report(string burst, Answer[] answers, Answer probe)
    {
        var statuses = string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
        output.WriteLine($"{Burst} logins on {burst}: {statuses}; slowest {answers.Max(a => a.Took).TotalMilliseconds:F0} ms; " +
                         $"median {answers.Select(a => a.Took).Order().ElementAt(answers.Length / 2).TotalMilliseconds:F0} ms; " +
                         $"health during the burst {probe.Took.TotalMilliseconds:F0} ms");
    }

    private long PeakResidentKiB()
    {
        var pid = int.Parse(WorkerPid().Match(_host.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Worker process started \(PID (\d+)\)")]
    private static partial Regex WorkerPid();

    private sealed record Answer(HttpStatusCode Status, TimeSpan Took, bool RetryAfter);
}
