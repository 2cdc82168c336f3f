using System.Diagnostics;
using System.Net;
using System.Text;

// Usage: dotnet DevHostBench.dll --url http://127.0.0.1:7071/api/hello [--cookie "name=value"] [--clients 16] [--seconds 10] [--warmup 3]
//        [--method POST --body '{"email":"a@b.c","password":"…"}' [--bodies file-with-one-body-per-client]]
//        [--burst 48]   (one burst of N concurrent requests instead of a timed run: status counts and max latency)
// Prints requests/s, p50 and p99 latency and the number of non-2xx answers for the measured (post-warm-up) window.
var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:7071/api/hello"));
var cookie = options.GetValueOrDefault("cookie") is { Length: > 0 } c ? c : null;
var clients = int.Parse(options.GetValueOrDefault("clients", "16"), System.Globalization.CultureInfo.InvariantCulture);
var seconds = double.Parse(options.GetValueOrDefault("seconds", "10"), System.Globalization.CultureInfo.InvariantCulture);
var warmup = double.Parse(options.GetValueOrDefault("warmup", "3"), System.Globalization.CultureInfo.InvariantCulture);
var method = new HttpMethod(options.GetValueOrDefault("method", "GET"));
var bodies = options.GetValueOrDefault("bodies") is { Length: > 0 } file
    ? File.ReadAllLines(file).Where(l => l.Length > 0).ToArray()
    : options.GetValueOrDefault("body") is { Length: > 0 } body ? [body] : [];

using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = Math.Max(clients, 64) });

if (options.GetValueOrDefault("burst") is { Length: > 0 } burstText)
{
    var burst = int.Parse(burstText, System.Globalization.CultureInfo.InvariantCulture);
    var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var answers = Enumerable.Range(0, burst).Select(async i =>
    {
        await start.Task;
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(NewRequest(i));
        await response.Content.ReadAsByteArrayAsync();
        return (Status: (int)response.StatusCode, Ms: Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }).ToList();
    start.SetResult();
    var results = await Task.WhenAll(answers);
    var statuses = string.Join(" ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}"));
    Console.WriteLine($"{url} burst={burst} statuses=[{statuses}] max={results.Max(r => r.Ms):F0}ms p50={results.Select(r => r.Ms).Order().ElementAt(burst / 2):F0}ms");
    return results.Any(r => r.Status >= 500 && r.Status != 503) ? 1 : 0;
}

await RunAsync(TimeSpan.FromSeconds(warmup));
var (latencies, failures, elapsed) = await RunAsync(TimeSpan.FromSeconds(seconds));
latencies.Sort();
Console.WriteLine(
    $"{method} {url} clients={clients} seconds={elapsed.TotalSeconds:F1} requests={latencies.Count} " +
    $"req/s={latencies.Count / elapsed.TotalSeconds:F1} p50={Percentile(0.50):F2}ms p99={Percentile(0.99):F2}ms non2xx={failures}");
return failures == 0 ? 0 : 1;

double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[(int)Math.Min(latencies.Count - 1, p * latencies.Count)];

HttpRequestMessage NewRequest(int client)
{
    var request = new HttpRequestMessage(method, url);
    if (cookie is not null)
    {
        request.Headers.Add("Cookie", cookie);
    }

    if (bodies.Length > 0)
    {
        request.Content = new StringContent(bodies[client % bodies.Length], Encoding.UTF8, "application/json");
    }

    return request;
}

async Task<(List<double> Latencies, int Failures, TimeSpan Elapsed)> RunAsync(TimeSpan duration)
{
    var all = new List<double>[clients];
    var failed = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
    {
        var mine = all[client] = [];
        while (clock.Elapsed < duration)
        {
            using var request = NewRequest(client);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NoContent)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }));
    return (all.SelectMany(l => l).ToList(), failed, clock.Elapsed);
}
