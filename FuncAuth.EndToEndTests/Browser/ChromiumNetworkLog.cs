using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser;

/// <summary>
/// What Chromium's own network stack reports for the requests of one tab, over the DevTools protocol
/// (<c>Network.requestWillBeSent</c> and <c>Network.requestWillBeSentExtraInfo</c>): the headers actually put on
/// the wire and, for every cookie the browser considered, whether it was sent or blocked and why. This reads
/// the browser's decisions without intercepting anything (a Playwright route would sit in the request path).
/// </summary>
public sealed class ChromiumNetworkLog
{
    private readonly ConcurrentDictionary<string, string> _urls = new();
    private readonly ConcurrentDictionary<string, JsonElement> _extraInfo = new();

    private ChromiumNetworkLog()
    {
    }

    public static async Task<ChromiumNetworkLog> AttachAsync(IBrowserContext context, IPage page)
    {
        var log = new ChromiumNetworkLog();
        var session = await context.NewCDPSessionAsync(page);
        session.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is { } sent)
            {
                log._urls[sent.GetProperty("requestId").GetString()!] = sent.GetProperty("request").GetProperty("url").GetString()!;
            }
        };
        session.Event("Network.requestWillBeSentExtraInfo").OnEvent += (_, e) =>
        {
            if (e is { } extra)
            {
                log._extraInfo[extra.GetProperty("requestId").GetString()!] = extra.Clone();
            }
        };
        await session.SendAsync("Network.enable");
        return log;
    }

    /// <summary>Waits (up to 15 s) for <paramref name="count"/> requests whose URL starts with <paramref name="prefix"/>, with their wire details.</summary>
    public async Task<IReadOnlyList<SentRequest>> WaitForRequestsAsync(string prefix, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var sent = _urls
                .Where(u => u.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && _extraInfo.ContainsKey(u.Key))
                .Select(u => SentRequest.From(u.Value, _extraInfo[u.Key]))
                .ToList();
            if (sent.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(sent.Count >= count, $"Chromium reported {sent.Count} request(s) to {prefix}, expected {count}");
                return sent;
            }

            await Task.Delay(25);
        }
    }
}

/// <summary>One request as Chromium sent it: raw headers, and the cookies it blocked with the reasons.</summary>
public sealed record SentRequest(string Url, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string[]> BlockedCookies)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static SentRequest From(string url, JsonElement extraInfo)
    {
        var headers = extraInfo.GetProperty("headers").EnumerateObject()
            .ToDictionary(h => h.Name, h => h.Value.GetString() ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var blocked = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var associated in extraInfo.GetProperty("associatedCookies").EnumerateArray())
        {
            var reasons = associated.GetProperty("blockedReasons").EnumerateArray().Select(r => r.GetString()!).ToArray();
            if (reasons.Length > 0)
            {
                blocked[associated.GetProperty("cookie").GetProperty("name").GetString()!] = reasons;
            }
        }

        return new SentRequest(url, headers, blocked);
    }
}
