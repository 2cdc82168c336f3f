using System.Net;
using FuncAuth.EndToEndTests.Api;
using Microsoft.Playwright;
using static FuncAuth.EndToEndTests.Browser.BrowserSession;

namespace FuncAuth.EndToEndTests.Browser;

/// <summary>
/// A real headless Chromium using the API from a page of the API's own origin, the way a same-origin web app
/// would: <c>fetch</c> with <c>credentials: 'same-origin'</c> and no Authorization header, so everything that
/// authenticates is what the browser itself stored and chose to send. Assertions are on what the browser did.
/// </summary>
[Collection(ApiServerCollection.Name)]
public sealed class SameOriginSessionTests(ApiServerFixture server, HeadlessChromium chromium)
    : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private ApiOriginPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await chromium.NewContextAsync();
        _page = await ApiOriginPage.OpenAsync(_context, server.BaseAddress);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task LoggingInFromTheApiOriginStoresBothCookiesHttpOnlySecureStrictAndScriptsSeeNoToken()
    {
        var email = UniqueEmail();

        var login = await RegisterAndLogInAsync(_page, email);

        var cookies = await CookiesForAsync(_context, server.BaseAddress);
        var access = cookies[AccessCookie];
        var refresh = cookies[RefreshCookie];
        foreach (var cookie in new[] { access, refresh })
        {
            Assert.True(cookie.HttpOnly, $"{cookie.Name} is not HttpOnly");
            Assert.True(cookie.Secure, $"{cookie.Name} is not Secure");
            Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
            Assert.NotEmpty(cookie.Value);
        }

        Assert.Equal("/api", access.Path);
        Assert.Equal("/api/auth", refresh.Path);

        // The page's scripts cannot read either token (the document is under /api, so a non-HttpOnly access
        // cookie would show here), and the login body hands them none.
        var documentCookie = await _page.DocumentCookieAsync();
        Assert.DoesNotContain(AccessCookie, documentCookie);
        Assert.DoesNotContain(RefreshCookie, documentCookie);
        Assert.DoesNotContain(access.Value, documentCookie);
        Assert.DoesNotContain(refresh.Value, documentCookie);

        Assert.Equal(email, login.Json.GetProperty("email").GetString());
        Assert.False(login.Json.TryGetProperty("accessToken", out _));
        Assert.False(login.Json.TryGetProperty("refreshToken", out _));
        Assert.DoesNotContain(access.Value, login.Body);
        Assert.DoesNotContain(refresh.Value, login.Body);
    }

    [Fact]
    public async Task ProtectedEndpointsWorkWithTheCookieTheBrowserSendsByItself()
    {
        var email = UniqueEmail();
        await RegisterAndLogInAsync(_page, email);

        var movies = await _page.FetchAsync("GET", "/api/users/fav-movies");
        var me = await _page.FetchAsync("GET", "/api/users/me");

        Assert.Equal(200, movies.Status);
        string[] favouriteMovies = ["Avatar", "Avengers"];
        Assert.Equal(favouriteMovies, movies.Json.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToArray());
        Assert.Equal(200, me.Status);
        Assert.Equal(email, me.Json.GetProperty("email").GetString());
    }

    [Fact]
    public async Task RefreshFromTheApiOriginRotatesTheBrowsersRefreshCookieAndAnOlderValueIsRefused()
    {
        await RegisterAndLogInAsync(_page, UniqueEmail());
        var before = await RefreshCookieValueAsync(_context, server.BaseAddress);

        var refreshed = await _page.FetchAsync("POST", "/api/auth/refresh-tokens");

        Assert.Equal(200, refreshed.Status);
        var after = await RefreshCookieValueAsync(_context, server.BaseAddress);
        Assert.NotEqual(before, after);
        Assert.Equal(200, (await _page.FetchAsync("GET", "/api/users/fav-movies")).Status);
        Assert.Equal(200, (await _page.FetchAsync("POST", "/api/auth/refresh-tokens")).Status);

        // Someone who copied the first value (not the browser) replays it two rotations later: only the value just
        // replaced gets the reuse grace, so this is a replay, refused (and the session revoked).
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var replay = new HttpRequestMessage(HttpMethod.Post, "api/auth/refresh-tokens");
        replay.Headers.Add("Cookie", $"{RefreshCookie}={before}");
        using var replayed = await client.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(401, (await _page.FetchAsync("POST", "/api/auth/refresh-tokens")).Status);
    }

    [Fact]
    public async Task LogoutFromTheApiOriginRemovesBothCookiesFromTheBrowser()
    {
        await RegisterAndLogInAsync(_page, UniqueEmail());
        Assert.Equal(2, (await CookiesForAsync(_context, server.BaseAddress)).Count);

        var logout = await _page.FetchAsync("POST", "/api/auth/logout");

        Assert.Equal(204, logout.Status);
        var cookies = await CookiesForAsync(_context, server.BaseAddress);
        Assert.False(cookies.ContainsKey(AccessCookie), "the access cookie is still in the browser");
        Assert.False(cookies.ContainsKey(RefreshCookie), "the refresh cookie is still in the browser");
        Assert.Equal(401, (await _page.FetchAsync("GET", "/api/users/fav-movies")).Status);
    }
}
