using System.Net;

namespace FuncAuth.EndToEndTests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class CrossSiteOverHttpTests(ApiServerFixture server)
{
    private const string Evil = "https://evil.example";

    [Theory]
    [InlineData("api/auth/refresh-tokens", "Origin", Evil)]
    [InlineData("api/auth/logout", "Origin", Evil)]
    [InlineData("api/auth/logout-all", "Origin", Evil)]
    [InlineData("api/auth/logout", "Origin", "null")]
    [InlineData("api/auth/logout", "Referer", Evil + "/page.html")]
    public async Task ACrossSiteRequestToASessionRouteIsForbiddenAndChangesNothing(string path, string header, string value)
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        await browser.SignInNewUserAsync();
        var cookiesBefore = browser.Jar.CookieHeaderFor(new Uri(server.BaseAddress, "api/auth/x"));

        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.TryAddWithoutValidation(header, value);
        request.Options.Set(BrowserLikeCookieHandler.OmitOrigin, header == "Referer"); // without Origin, the Referer decides

        var response = await browser.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(cookiesBefore, browser.Jar.CookieHeaderFor(new Uri(server.BaseAddress, "api/auth/x")));
        // The session is intact and its refresh token was not rotated: the very same cookie still refreshes.
        Assert.Equal(HttpStatusCode.OK, (await browser.RefreshAsync()).StatusCode);
    }

    [Fact]
    public async Task ACrossSiteRegisterIsForbiddenAndCreatesNoAccount()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        var email = BrowserLikeClient.UniqueEmail();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/register")
        {
            Content = BrowserLikeClient.Json($$"""{"email":"{{email}}","password":"{{BrowserLikeClient.Password}}"}"""),
        };
        request.Headers.TryAddWithoutValidation("Origin", Evil);

        await ProblemAssert.IsProblemAsync(await browser.Http.SendAsync(request), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.Created, (await browser.RegisterAsync(email)).StatusCode);
    }

    [Fact]
    public async Task ACrossSiteLoginIsForbiddenAndSetsNoCookie()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        var email = BrowserLikeClient.UniqueEmail();
        await browser.RegisterAsync(email);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/login")
        {
            Content = BrowserLikeClient.Json($$"""{"email":"{{email}}","password":"{{BrowserLikeClient.Password}}"}"""),
        };
        request.Headers.TryAddWithoutValidation("Origin", "http://localhost:1");

        await ProblemAssert.IsProblemAsync(await browser.Http.SendAsync(request), HttpStatusCode.Forbidden);

        Assert.Empty(browser.Jar.Cookies);
    }

    [Fact]
    public async Task SameOriginAndHeaderlessRequestsPass()
    {
        // The browser-like client sends Origin = the server's own origin on every POST, as fetch does.
        using var browser = new BrowserLikeClient(server.BaseAddress);
        await browser.SignInNewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.RefreshAsync()).StatusCode);

        // A non-browser client sends neither Origin nor Referer.
        using var plain = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await plain.PostAsync("api/auth/register", BrowserLikeClient.Json(
            $$"""{"email":"{{BrowserLikeClient.UniqueEmail()}}","password":"{{BrowserLikeClient.Password}}"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
