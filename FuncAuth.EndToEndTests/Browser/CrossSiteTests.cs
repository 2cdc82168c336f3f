using System.Collections.Concurrent;
using FuncAuth.EndToEndTests.Api;
using Microsoft.Playwright;
using static FuncAuth.EndToEndTests.Browser.BrowserSession;

namespace FuncAuth.EndToEndTests.Browser;

/// <summary>
/// The user is logged in at the API (http://127.0.0.1:&lt;port&gt;) and, in another tab of the same browser, opens
/// a page of another site (http://localhost:&lt;other port&gt;, see <see cref="AttackerSite"/>) that tries to end or
/// rotate their session. Two defences stand in the way, and the test checks both on what the browser sent:
/// <list type="bullet">
/// <item>SameSite=Strict: the browser attaches neither cookie to any request a cross-site page starts, whether a
/// form POST navigation or a credentialed fetch, so the server could not even tell which session to touch;</item>
/// <item>the Origin check (<c>CrossSiteRequestMiddleware</c>): every state-changing request that does arrive
/// carries <c>Origin: http://localhost:&lt;port&gt;</c>, which is not the API's origin, and gets 403 before any
/// function runs (it would still stop the attack for a deployment that chose SameSite=None).</item>
/// </list>
/// With <c>FUNCAUTH_BASE_URL</c> the attacker page stays on this machine's loopback (localhost, or 127.0.0.1 when
/// the API is on localhost), which is another site to the API; the test is written for the local case and
/// assumes the default cookie names and SameSite=Strict.
/// </summary>
[Collection(ApiServerCollection.Name)]
public sealed class CrossSiteTests(ApiServerFixture server, HeadlessChromium chromium)
    : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
    private static readonly string[] StateChangingPaths = ["api/auth/logout", "api/auth/refresh-tokens"];

    private IBrowserContext _context = null!;
    private AttackerSite _attacker = null!;

    public async Task InitializeAsync()
    {
        _context = await chromium.NewContextAsync();
        _attacker = new AttackerSite(server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _attacker.DisposeAsync();
    }

    [Fact]
    public async Task APageOfAnotherSiteCannotLogTheUserOutOrRotateTheSessionWithFormsOrCredentialedFetch()
    {
        var api = await ApiOriginPage.OpenAsync(_context, server.BaseAddress);
        await RegisterAndLogInAsync(api, UniqueEmail());
        var refreshBefore = await RefreshCookieValueAsync(_context, server.BaseAddress);

        // Another tab of the same browser (same cookie jar) opens the attacker's page. Playwright reports the
        // status of every response the tab got from the API; Chromium itself reports what it sent.
        var attackerTab = await _context.NewPageAsync();
        var network = await ChromiumNetworkLog.AttachAsync(_context, attackerTab);
        var responses = new ConcurrentQueue<IResponse>();
        attackerTab.Response += (_, response) =>
        {
            if (response.Url.StartsWith(server.BaseAddress.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                responses.Enqueue(response);
            }
        };

        // (i) HTML forms that submit themselves as soon as the page loads (into frames, so both go out).
        var formPage = _attacker.AddPage("/forms", $$"""
            <!doctype html>
            <html><body>
            <iframe name="logout-frame"></iframe><iframe name="refresh-frame"></iframe>
            <form id="logout" method="post" action="{{server.BaseAddress}}api/auth/logout" target="logout-frame"></form>
            <form id="refresh" method="post" action="{{server.BaseAddress}}api/auth/refresh-tokens" target="refresh-frame"></form>
            <script>
              document.getElementById('logout').submit();
              document.getElementById('refresh').submit();
            </script>
            </body></html>
            """);
        await attackerTab.GotoAsync(formPage);
        await WaitForAsync(responses, count: 2);

        // (ii) Credentialed fetches, mode no-cors (the response is opaque to the attacker, the request still goes).
        await attackerTab.EvaluateAsync("""
            async ({ api, paths }) => {
                for (const path of paths) {
                    await fetch(api + path, { method: 'POST', mode: 'no-cors', credentials: 'include' });
                }
            }
            """, new { api = server.BaseAddress.ToString(), paths = StateChangingPaths });
        var received = await WaitForAsync(responses, count: 4);
        var sent = await network.WaitForRequestsAsync(server.BaseAddress.ToString(), count: 4);

        // Each path got one form POST (a frame navigation) and one fetch, and every one of them was answered 403.
        Assert.Equal(4, received.Count);
        foreach (var path in StateChangingPaths)
        {
            string[] formPostAndFetch = ["document", "fetch"];
            Assert.Equal(
                formPostAndFetch,
                received.Where(r => r.Url.EndsWith(path, StringComparison.Ordinal)).Select(r => r.Request.ResourceType).Order().ToArray());
        }

        Assert.All(received, r => Assert.Equal("POST", r.Request.Method));
        Assert.All(received, r => Assert.Equal(403, r.Status));

        Assert.Equal(4, sent.Count);
        foreach (var request in sent)
        {
            // Defence 1, SameSite=Strict: Chromium put no Cookie header on the request and says it blocked both
            // session cookies because of their SameSite=Strict attribute (the request came from another site).
            Assert.Null(request.Header("Cookie"));
            foreach (var name in new[] { AccessCookie, RefreshCookie })
            {
                Assert.True(request.BlockedCookies.TryGetValue(name, out var reasons), $"{name} was not even considered for {request.Url}");
                Assert.Contains(reasons, r => r.EndsWith("SameSiteStrict", StringComparison.Ordinal));
            }

            // Defence 2, the Origin check: what did arrive named the attacker's origin, and got the 403 above
            // from CrossSiteRequestMiddleware before any function ran.
            Assert.Equal(_attacker.Origin.GetLeftPart(UriPartial.Authority), request.Header("Origin"));
        }

        await attackerTab.CloseAsync();

        // Back on the API's origin the session is untouched: the access cookie works, the refresh cookie is the
        // same value, and it is still the valid current token (one refresh from the API's origin succeeds).
        await api.ReturnAsync();
        Assert.Equal(200, (await api.FetchAsync("GET", "/api/users/fav-movies")).Status);
        Assert.Equal(refreshBefore, await RefreshCookieValueAsync(_context, server.BaseAddress));
        Assert.Equal(200, (await api.FetchAsync("POST", "/api/auth/refresh-tokens")).Status);
        Assert.NotEqual(refreshBefore, await RefreshCookieValueAsync(_context, server.BaseAddress));
    }

    /// <summary>Waits (up to 15 s) until the browser has seen <paramref name="count"/> responses from the API.</summary>
    private static async Task<IReadOnlyList<IResponse>> WaitForAsync(ConcurrentQueue<IResponse> responses, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (responses.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        var seen = responses.ToArray();
        Assert.True(seen.Length >= count, $"the browser sent {seen.Length} request(s) to the API, expected {count}");
        return seen;
    }
}
