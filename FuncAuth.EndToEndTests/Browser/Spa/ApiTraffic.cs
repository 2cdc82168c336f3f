using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser.Spa;

/// <summary>
/// Every request the tabs of one browser context sent to the API and every answer they got, from Playwright's
/// request and response events: observed, never intercepted, so what is counted is what went on the wire.
/// </summary>
public sealed class ApiTraffic
{
    private readonly ConcurrentQueue<(string Method, string Path)> _requests = new();
    private readonly ConcurrentQueue<(string Method, string Path, int Status)> _responses = new();
    private readonly ConcurrentQueue<string> _transcript = new();

    public ApiTraffic(IBrowserContext context, Uri api)
    {
        var prefix = api.GetLeftPart(UriPartial.Authority);
        context.Request += (_, request) =>
        {
            if (request.Url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                _requests.Enqueue((request.Method, new Uri(request.Url).AbsolutePath));
                _transcript.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} tab {request.Frame.Page.GetHashCode():x8} > {request.Method} {request.Url}");
            }
        };
        context.Response += (_, response) =>
        {
            if (response.Url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                _responses.Enqueue((response.Request.Method, new Uri(response.Url).AbsolutePath, response.Status));
                _transcript.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} tab {response.Frame.Page.GetHashCode():x8} < {response.Status} {response.Url}");
            }
        };
    }

    /// <summary>Every request and answer with its time and tab, for failure messages.</summary>
    public string Transcript => string.Join('\n', _transcript);

    /// <summary>POSTs to /api/auth/refresh-tokens so far (preflights are OPTIONS and are not counted).</summary>
    public int RefreshRequests => Count("POST", "/api/auth/refresh-tokens");

    public int Count(string method, string path) => _requests.Count(r => r.Method == method && r.Path == path);

    /// <summary>Statuses of the answers to <paramref name="method"/> <paramref name="path"/>, in arrival order.</summary>
    public IReadOnlyList<int> Statuses(string method, string path) =>
        _responses.Where(r => r.Method == method && r.Path == path).Select(r => r.Status).ToList();

    /// <summary>Waits (up to 15 s) until <paramref name="count"/> answers to <paramref name="path"/> have arrived.</summary>
    public async Task WaitForResponsesAsync(string method, string path, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (Statuses(method, path).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        Assert.True(Statuses(method, path).Count >= count, $"{Statuses(method, path).Count} answer(s) to {method} {path}, expected {count}");
    }
}
