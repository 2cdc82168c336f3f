using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser.Spa;

/// <summary>
/// Refresh is single-flight across the tabs of one browser (one cookie jar): when every tab finds the access token
/// expired at once, one refresh goes out and the others wait for it and reuse its cookies. Counted on the wire with
/// Playwright's request events. The tabs' clocks stand still (see <see cref="SpaPage.FreezeClockAsync"/>), so they find
/// out about the expiry from a 401, not from their timers.
/// </summary>
[Collection(SpaCollection.Name)]
public sealed class TwoTabRefreshTests(SpaFixture app, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
    private const string FavMovies = "/api/users/fav-movies";

    /// <summary>Arms a tab to click "Load favourite movies" when a "go" message arrives on a BroadcastChannel.</summary>
    private const string ArmScript = """
        () => { window.go = new BroadcastChannel('test-go'); window.go.onmessage = () => document.getElementById('load-movies').click(); }
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
    public async Task TwoTabsWhoseAccessTokenExpiredAtTheSameMomentRecoverWithExactlyOneRefreshOnTheWire()
    {
        await SpaPage.FreezeClockAsync(_context);
        var first = await SpaPage.OpenAsync(_context, app);
        await first.SignUpAndInAsync(SpaPage.UniqueEmail(), "Tab");
        var second = await SpaPage.OpenAsync(_context, app);
        await second.WaitForStatusAsync("Signed in as Tab");
        var refreshesBefore = _traffic.RefreshRequests;
        await SpaCookies.WaitUntilAccessTokenExpiredAsync(_context, app.Api);

        // Both tabs click at the same instant: a message on a BroadcastChannel reaches both of them.
        await first.Page.EvaluateAsync(ArmScript);
        await second.Page.EvaluateAsync(ArmScript);
        await first.Page.EvaluateAsync("() => new BroadcastChannel('test-go').postMessage('go')");
        await first.Movies.First.WaitForAsync();
        await second.Movies.First.WaitForAsync();

        // Both requests went out with the expired token and got 401; then one refresh, and both retries succeeded.
        Assert.True(_traffic.Statuses("GET", FavMovies).SequenceEqual([401, 401, 200, 200]), _traffic.Transcript);
        Assert.True(_traffic.RefreshRequests - refreshesBefore == 1, _traffic.Transcript);
        Assert.Equal(200, _traffic.Statuses("POST", "/api/auth/refresh-tokens")[^1]);

        // The session stays valid: both tabs load again on the refreshed token, with no further refresh.
        Assert.Equal(["Avatar", "Avengers"], await first.LoadMoviesAsync());
        Assert.Equal(["Avatar", "Avengers"], await second.LoadMoviesAsync());
        Assert.Equal(1, _traffic.RefreshRequests - refreshesBefore);
        Assert.Equal([401, 401, 200, 200, 200, 200], _traffic.Statuses("GET", FavMovies));
        await first.WaitForStatusAsync("Signed in as Tab");
        await second.WaitForStatusAsync("Signed in as Tab");
    }

    [Fact]
    public async Task WithoutWebLocksConcurrentCallsInOneTabStillShareOneRefresh()
    {
        await SpaPage.FreezeClockAsync(_context);
        var spa = await SpaPage.OpenAsync(_context, app);
        await spa.SignUpAndInAsync(SpaPage.UniqueEmail(), "Solo");
        var refreshesBefore = _traffic.RefreshRequests;
        await SpaCookies.WaitUntilAccessTokenExpiredAsync(_context, app.Api);

        // A second client in the same tab, created without Web Locks (as in a browser that lacks them).
        var statuses = await spa.Page.EvaluateAsync<int[]>("""
            async (baseUrl) => {
                const { createClient } = await import('/funcauth.js');
                const client = createClient({ baseUrl, locks: null });
                const answers = await Promise.all([1, 2, 3].map(() => client.fetch('/api/users/fav-movies')));
                client.dispose();
                return answers.map((a) => a.status);
            }
            """, app.Api.GetLeftPart(UriPartial.Authority));

        Assert.Equal([200, 200, 200], statuses);
        Assert.Equal(1, _traffic.RefreshRequests - refreshesBefore);
        Assert.Equal(3, _traffic.Statuses("GET", FavMovies).Count(s => s == 401));
    }
}
