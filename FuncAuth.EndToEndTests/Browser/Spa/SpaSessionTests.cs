using System.Net;
using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser.Spa;

/// <summary>
/// The sample SPA (samples/spa, using clients/browser/funcauth.js) on its own origin, http://localhost:&lt;port&gt;,
/// against the real API on http://localhost:&lt;other port&gt; with 5-second access tokens: everything through the
/// page's own forms and buttons in headless Chromium, asserting what the page shows and what went on the wire.
/// </summary>
[Collection(SpaCollection.Name)]
public sealed class SpaSessionTests(SpaFixture app, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
    private static readonly string[] FavouriteMovies = ["Avatar", "Avengers"];

    private IBrowserContext _context = null!;
    private ApiTraffic _traffic = null!;

    public async Task InitializeAsync()
    {
        _context = await chromium.NewContextAsync();
        _traffic = new ApiTraffic(_context, app.Api);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task TheSpaOnItsOwnOriginSignsUpSignsInLoadsMoviesStaysSignedInPastAnAccessTokenExpiryAndSignsOut()
    {
        var spa = await SpaPage.OpenAsync(_context, app);
        await spa.WaitForStatusAsync("Signed out");
        await spa.SignUpAndInAsync(SpaPage.UniqueEmail(), "Ada");
        var signedInAt = DateTimeOffset.UtcNow;
        var firstAccess = await SpaCookies.FindAsync(_context, app.Api, SpaCookies.Access);
        Assert.NotNull(firstAccess);
        var refreshesAtLogin = _traffic.RefreshRequests;

        Assert.Equal(FavouriteMovies, await spa.LoadMoviesAsync());
        var refreshCookie = await SpaCookies.FindAsync(_context, app.Api, SpaCookies.Refresh);
        var readable = await spa.Page.EvaluateAsync<string>("() => document.cookie + JSON.stringify({ ...localStorage })");
        Assert.DoesNotContain(firstAccess.Value, readable, StringComparison.Ordinal);
        Assert.DoesNotContain(refreshCookie!.Value, readable, StringComparison.Ordinal);

        // Real time passes beyond the first access token's expiry; the client renews it before then (after about
        // half its 5 s lifetime), so the next click just works and nothing ever answered 401.
        // (The token was issued before signedInAt; Playwright's cookie expiry is a float, too coarse to use.)
        while (DateTimeOffset.UtcNow < signedInAt + SpaFixture.AccessTokenLifetime + TimeSpan.FromMilliseconds(500))
        {
            await Task.Delay(100);
        }

        Assert.Equal(FavouriteMovies, await spa.LoadMoviesAsync());
        Assert.True(_traffic.RefreshRequests > refreshesAtLogin, "the client never refreshed");
        Assert.All(_traffic.Statuses("POST", "/api/auth/refresh-tokens").Skip(refreshesAtLogin), s => Assert.Equal(200, s));
        Assert.All(_traffic.Statuses("GET", "/api/users/fav-movies"), s => Assert.Equal(200, s));
        Assert.NotEqual(firstAccess.Value, (await SpaCookies.FindAsync(_context, app.Api, SpaCookies.Access))?.Value);
        await spa.WaitForStatusAsync("Signed in as Ada");
        await Assertions.Expect(spa.ExpiredBanner).ToBeHiddenAsync();

        await spa.Page.ClickAsync("#signout");

        await spa.WaitForStatusAsync("Signed out");
        await Assertions.Expect(spa.ExpiredBanner).ToBeHiddenAsync();
        Assert.Equal([204], _traffic.Statuses("POST", "/api/auth/logout"));
        Assert.Null(await SpaCookies.FindAsync(_context, app.Api, SpaCookies.Access));
        Assert.Null(await SpaCookies.FindAsync(_context, app.Api, SpaCookies.Refresh));
    }

    [Fact]
    public async Task AnAccessTokenThatExpiredUnnoticedCostsOne401ThenOneRefreshAndTheCallIsRetried()
    {
        await SpaPage.FreezeClockAsync(_context);
        var spa = await SpaPage.OpenAsync(_context, app);
        await spa.SignUpAndInAsync(SpaPage.UniqueEmail(), "Grace");
        var refreshesAtLogin = _traffic.RefreshRequests;
        await SpaCookies.WaitUntilAccessTokenExpiredAsync(_context, app.Api);

        Assert.Equal(FavouriteMovies, await spa.LoadMoviesAsync());

        Assert.Equal([401, 200], _traffic.Statuses("GET", "/api/users/fav-movies"));
        Assert.Equal(1, _traffic.RefreshRequests - refreshesAtLogin);
        Assert.Equal(200, _traffic.Statuses("POST", "/api/auth/refresh-tokens")[^1]);
        await spa.WaitForStatusAsync("Signed in as Grace");
    }

    [Fact]
    public async Task ATabReturningToTheForegroundAfterItsRefreshTimeRefreshesAtOnce()
    {
        await SpaPage.FreezeClockAsync(_context);
        var spa = await SpaPage.OpenAsync(_context, app);
        await spa.SignUpAndInAsync(SpaPage.UniqueEmail(), "Lin");
        var refreshesAtLogin = _traffic.RefreshRequests;

        // The tab's clock jumps past the refresh time without firing its timer, as in a throttled background
        // tab or after sleep; becoming visible again is what makes it look.
        await spa.Page.Clock.SetSystemTimeAsync(DateTime.UtcNow.AddSeconds(4));
        await spa.Page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");

        await _traffic.WaitForResponsesAsync("POST", "/api/auth/refresh-tokens", refreshesAtLogin + 1);
        Assert.Equal(200, _traffic.Statuses("POST", "/api/auth/refresh-tokens")[^1]);
        Assert.Equal(refreshesAtLogin + 1, _traffic.RefreshRequests);
    }

    [Fact]
    public async Task WhenTheSessionIsRevokedElsewhereTheSpaShowsSessionExpiredAfterOneRefusedRefreshAndCanSignInAgain()
    {
        var email = SpaPage.UniqueEmail();
        await SpaPage.FreezeClockAsync(_context);
        var spa = await SpaPage.OpenAsync(_context, app);
        await spa.SignUpAndInAsync(email, "Kay");
        var refreshesAtLogin = _traffic.RefreshRequests;
        var refreshCookie = await SpaCookies.FindAsync(_context, app.Api, SpaCookies.Refresh);
        Assert.NotNull(refreshCookie);

        // "Sign out" on another device holding this session's refresh token (a non-browser client: no Origin).
        using (var other = new HttpClient { BaseAddress = app.Api })
        using (var logout = new HttpRequestMessage(HttpMethod.Post, "api/auth/logout"))
        {
            logout.Headers.Add("Cookie", $"{SpaCookies.Refresh}={refreshCookie.Value}");
            Assert.Equal(HttpStatusCode.NoContent, (await other.SendAsync(logout)).StatusCode);
        }

        await SpaCookies.WaitUntilAccessTokenExpiredAsync(_context, app.Api);
        await spa.Page.ClickAsync("#load-movies");

        await Assertions.Expect(spa.ExpiredBanner).ToBeVisibleAsync();
        await spa.WaitForStatusAsync("Signed out");
        await Assertions.Expect(spa.Page.Locator("#signin-form")).ToBeVisibleAsync();
        Assert.Equal(1, _traffic.RefreshRequests - refreshesAtLogin);
        Assert.Equal(401, _traffic.Statuses("POST", "/api/auth/refresh-tokens")[^1]);
        // A refused refresh leaves the cookies alone (it may have lost a race to another tab).
        Assert.Equal(refreshCookie.Value, (await SpaCookies.FindAsync(_context, app.Api, SpaCookies.Refresh))?.Value);

        await spa.SignInAsync(email);

        await spa.WaitForStatusAsync("Signed in as Kay");
        await Assertions.Expect(spa.ExpiredBanner).ToBeHiddenAsync();
        Assert.Equal(FavouriteMovies, await spa.LoadMoviesAsync());
    }

    [Fact]
    public async Task ProblemAnswersReachTheSpaAsReadableErrorsAndAFailedSignInIsNotASessionExpiry()
    {
        var email = SpaPage.UniqueEmail();
        var spa = await SpaPage.OpenAsync(_context, app);
        var refreshesAtStart = _traffic.RefreshRequests;

        await spa.SignUpAsync(email, password: "short");
        await Assertions.Expect(spa.Message).ToContainTextAsync("Bad Request (400)");
        await Assertions.Expect(spa.Message).ToContainTextAsync("password:");

        await spa.SignUpAsync(email);
        await Assertions.Expect(spa.Message).ToContainTextAsync($"Account created for {email}");
        await spa.SignUpAsync(email);
        await Assertions.Expect(spa.Message).ToContainTextAsync("Conflict (409)");

        await spa.SignInAsync(email, password: "wrong-password-but-long-enough");
        await Assertions.Expect(spa.Message).ToContainTextAsync("Unauthorized (401)");

        await spa.WaitForStatusAsync("Signed out");
        await Assertions.Expect(spa.ExpiredBanner).ToBeHiddenAsync();
        Assert.Equal(refreshesAtStart, _traffic.RefreshRequests);
        Assert.Equal([400, 201, 409], _traffic.Statuses("POST", "/api/auth/register"));
        Assert.Equal([401], _traffic.Statuses("POST", "/api/auth/login"));
    }
}
