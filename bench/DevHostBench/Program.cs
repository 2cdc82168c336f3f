using System.Diagnostics;

// Usage: dotnet DevHostBench.dll --url http://127.0.0.1:7071/api/hello [--cookie "name=value"] [--clients 16] [--seconds 10] [--warmup 3]
// Prints requests/s, p50 and p99 latency and the number of non-2xx answers for the measured (post-warm-up) window.
var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:7071/api/hello"));
var cookie = options.GetValueOrDefault("cookie") is { Length: > 0 } c ? c : null;
var clients = int.Parse(options.GetValueOrDefault("clients", "16"));
var seconds = double.Parse(options.GetValueOrDefault("seconds", "10"), System.Globalization.CultureInfo.InvariantCulture);
var warmup = double.Parse(options.GetValueOrDefault("warmup", "3"), System.Globalization.CultureInfo.InvariantCulture);

using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = clients });

await RunAsync(TimeSpan.FromSeconds(warmup));
var (latencies, failures, elapsed) = await RunAsync(TimeSpan.FromSeconds(seconds));
latencies.Sort();
Console.WriteLine(
    $"{url} clients={clients} seconds={elapsed.TotalSeconds:F1} requests={latencies.Count} " +
    $"req/s={latencies.Count / elapsed.TotalSeconds:F0} p50={Percentile(0.50):F2}ms p99={Percentile(0.99):F2}ms non2xx={failures}");
return failures == 0 ? 0 : 1;

double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[(int)Math.Min(latencies.Count - 1, p * latencies.Count)];

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
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }));
    return (all.SelectMany(l => l).ToList(), failed, clock.Elapsed);
}
