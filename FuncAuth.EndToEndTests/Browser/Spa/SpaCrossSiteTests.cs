using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser.Spa;

/// <summary>
/// The user is signed in through the SPA (http://localhost:&lt;spa port&gt;, allowed by the API's CORS and
/// <c>Auth__AllowedOrigins</c>) and opens, in another tab of the same browser, a page that is not the SPA:
/// <list type="bullet">
/// <item>of another site (http://127.0.0.1:&lt;port&gt;): SameSite=Strict keeps both cookies off its requests, CORS
/// keeps the answers unreadable, and the Origin check refuses its state changes;</item>
/// <item>of the same site but another origin (http://localhost:&lt;other port&gt;, e.g. any other local dev server):
/// the browser does send the cookies (sites ignore ports), so only CORS (no reading) and the Origin check (403 on
/// state changes) stand in the way, and the test shows that they do.</item>
/// </list>
/// </summary>
[Collection(SpaCollection.Name)]
public sealed class SpaCrossSiteTests(SpaFixture app, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
    /// <summary>What a foreign page tries, and what its script gets to see of each attempt.</summary>
    private const string AttemptsScript = """
        async (api) => {
            const attempt = async (path, init) => {
                try {
                    const response = await fetch(api + path, { credentials: 'include', ...init });
                    return { outcome: 'answered', type: response.type, status: response.status, body: await response.text() };
                } catch (error) {
                    return { outcome: 'rejected', type: error.name, status: 0, body: '' };
                }
            };
            return {
                readMe: await attempt('/api/users/me', {}),
                readMovies: await attempt('/api/users/fav-movies', {}),
                opaqueMovies: await attempt('/api/users/fav-movies', { mode: 'no-cors' }),
                logout: await attempt('/api/auth/logout', { method: 'POST', mode: 'no-cors' }),
                refresh: await attempt('/api/auth/refresh-tokens', { method: 'POST', mode: 'no-cors' }),
                jsonLogoutAll: await attempt('/api/auth/logout-all', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
            };
        }
        """;

    private IBrowserContext _context = null!;
    private ApiTraffic _traffic = null!;

    public async Task InitializeAsync()
    {
        _context = await chromium.NewContextAsync();
        _traffic = new ApiTraffic(_context, app.Api);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task APageOfAnotherSiteCanNeitherReadTheApisAnswersNorUseTheSpasSession()
    {
        var spa = await SignedInSpaAsync("Eve's target");
        await using var site = new AttackerSite("127.0.0.1");

        var (seen, sent, answered) = await AttackFromAsync(site);

        AssertNothingReadable(seen);
        foreach (var request in sent)
        {
            // SameSite=Strict: no cookie at all on any request from another site; Chromium says why.
            Assert.Null(request.Header("Cookie"));
            Assert.Contains(request.BlockedCookies[SpaCookies.Access], r => r.EndsWith("SameSiteStrict", StringComparison.Ordinal));
        }

        Assert.All(answered.Where(a => a.Method == "POST"), a => Assert.Equal(403, a.Status));
        await AssertSessionIntactAsync(spa);
    }

    [Fact]
    public async Task APageOfTheSameSiteOnAnotherPortGetsTheCookiesSentButCanNeitherReadTheAnswersNorChangeTheSession()
    {
        var spa = await SignedInSpaAsync("Mallory's target");
        await using var site = new AttackerSite("localhost");

        var (seen, sent, answered) = await AttackFromAsync(site);

        AssertNothingReadable(seen);
        // Same site: the browser attaches the session cookies (access cookie on /api, refresh cookie on /api/auth)...
        var me = sent.First(r => r.Url.EndsWith("/api/users/me", StringComparison.Ordinal));
        Assert.Contains($"{SpaCookies.Access}=", me.Header("Cookie"), StringComparison.Ordinal);
        var logout = sent.Single(r => r.Url.EndsWith("/api/auth/logout", StringComparison.Ordinal));
        Assert.Contains($"{SpaCookies.Refresh}=", logout.Header("Cookie"), StringComparison.Ordinal);
        Assert.Equal(site.Origin.GetLeftPart(UriPartial.Authority), logout.Header("Origin"));

        // ...so only CORS kept the answers from the page (above), and the Origin check refused every state change.
        Assert.All(answered.Where(a => a.Method == "POST"), a => Assert.Equal(403, a.Status));
        Assert.Contains(answered, a => a.Method == "POST" && a.Url.EndsWith("/api/auth/logout", StringComparison.Ordinal));
        await AssertSessionIntactAsync(spa);
    }

    private async Task<SpaPage> SignedInSpaAsync(string displayName)
    {
        var spa = await SpaPage.OpenAsync(_context, app);
        await spa.SignUpAndInAsync(SpaPage.UniqueEmail(), displayName);
        return spa;
    }

    private async Task<(JsonElement Seen, IReadOnlyList<SentRequest> Sent, IReadOnlyList<(string Method, string Url, int Status)> Answered)> AttackFromAsync(AttackerSite site)
    {
        var tab = await _context.NewPageAsync();
        var network = await ChromiumNetworkLog.AttachAsync(_context, tab);
        var answered = new ConcurrentQueue<(string Method, string Url, int Status)>();
        tab.Response += (_, r) =>
        {
            if (r.Url.StartsWith(app.Api.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                answered.Enqueue((r.Request.Method, r.Url, r.Status));
            }
        };
        await tab.GotoAsync(site.AddPage("/", "<!doctype html><title>elsewhere</title><p>Nothing to see here.</p>"));

        var seen = await tab.EvaluateAsync<JsonElement>(AttemptsScript, app.Api.GetLeftPart(UriPartial.Authority));

        // Six requests reach the API: five attempts, and the preflight of the JSON POST, which stops it there (the
        // API's CORS does not name this origin), so that POST itself never goes out.
        var all = await network.WaitForRequestsAsync(app.Api.GetLeftPart(UriPartial.Authority) + "/api/", count: 6);
        await tab.CloseAsync();
        var preflight = Assert.Single(all, r => r.Header("Access-Control-Request-Method") is not null);
        Assert.EndsWith("/api/auth/logout-all", preflight.Url, StringComparison.Ordinal);
        Assert.Null(preflight.Header("Cookie"));
        var sent = all.Where(r => r != preflight).ToList();
        Assert.Equal(5, sent.Count);
        Assert.DoesNotContain(sent, r => r.Url.EndsWith("/api/auth/logout-all", StringComparison.Ordinal));
        return (seen, sent, answered.ToArray());
    }

    private static void AssertNothingReadable(JsonElement seen)
    {
        // CORS-mode reads fail outright; no-cors answers are opaque (status 0, empty body) whatever the API said.
        foreach (var name in new[] { "readMe", "readMovies", "jsonLogoutAll" })
        {
            Assert.Equal("rejected", seen.GetProperty(name).GetProperty("outcome").GetString());
            Assert.Equal("TypeError", seen.GetProperty(name).GetProperty("type").GetString());
        }

        foreach (var name in new[] { "opaqueMovies", "logout", "refresh" })
        {
            Assert.Equal("opaque", seen.GetProperty(name).GetProperty("type").GetString());
            Assert.Equal(0, seen.GetProperty(name).GetProperty("status").GetInt32());
            Assert.Equal(string.Empty, seen.GetProperty(name).GetProperty("body").GetString());
        }
    }

    /// <summary>The SPA's session survived: no logout happened, and the SPA still loads and refreshes.</summary>
    private async Task AssertSessionIntactAsync(SpaPage spa)
    {
        Assert.Equal(0, _traffic.Statuses("POST", "/api/auth/logout").Count(s => s == 204));
        Assert.DoesNotContain(401, _traffic.Statuses("POST", "/api/auth/refresh-tokens").Skip(1));
        Assert.Equal(["Avatar", "Avengers"], await spa.LoadMoviesAsync());
        await spa.WaitForStatusAsync("Signed in as");
    }
}
