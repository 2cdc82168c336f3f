using System.Net;
using System.Text.Json;

namespace FuncAuth.EndToEndTests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class ProtectedRoutesOverHttpTests(ApiServerFixture server)
{
    [Fact]
    public async Task FavMoviesAndMeAnswerWithTheCookieTheBrowserSends()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        var (email, login) = await browser.SignInNewUserAsync();
        var userId = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("userId").GetString();

        var movies = await browser.GetAsync("api/users/fav-movies");
        var me = await browser.GetAsync("api/users/me");

        Assert.Equal(HttpStatusCode.OK, movies.StatusCode);
        Assert.Equal("""["Avatar","Avengers"]""", await movies.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        // Personal answers: no shared cache (CDN, proxy) may keep them.
        Assert.Equal("no-store", movies.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", me.Headers.CacheControl?.ToString());
        var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(userId, body.GetProperty("userId").GetString());
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.True(body.TryGetProperty("displayName", out _));
        Assert.All(browser.RequestLog.Where(r => r.Uri.AbsolutePath.StartsWith("/api/users/", StringComparison.Ordinal)),
            r => Assert.True(r.SentCookie("auth-cookie")));
    }

    [Fact]
    public async Task TheAccessTokenCarriesNoPersonalData()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        var (email, _) = await browser.SignInNewUserAsync();
        var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(browser.Jar.Find("auth-cookie")!.Value.Split('.')[1])).RootElement;

        Assert.Equal(["aud", "exp", "iat", "iss", "jti", "nbf", "sid", "sub"], payload.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(email.Split('@')[0], payload.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MeAnswers401OnceTheSessionHasEndedEvenWithAnUnexpiredAccessToken()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        await browser.SignInNewUserAsync();
        var accessToken = browser.Jar.Find("auth-cookie")!.Value;
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("api/auth/logout")).StatusCode);

        using var stale = new BrowserLikeClient(server.BaseAddress);
        var me = await stale.GetWithBearerAsync("api/users/me", accessToken);

        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheRefreshCookieNeverTravelsWithOrdinaryApiCalls()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        await browser.SignInNewUserAsync();

        await browser.GetAsync("api/users/fav-movies");
        await browser.GetAsync("api/users/me");
        await browser.GetAsync("api/health");
        await browser.RefreshAsync();

        var log = browser.RequestLog;
        Assert.All(log.Where(r => !r.Uri.AbsolutePath.StartsWith("/api/auth/", StringComparison.Ordinal)),
            r => Assert.False(r.SentCookie("refresh-cookie"), $"refresh cookie sent to {r.Uri}"));
        Assert.True(log.Single(r => r.Uri.AbsolutePath == "/api/auth/refresh-tokens").SentCookie("refresh-cookie"));
    }

    [Theory]
    [InlineData("api/users/fav-movies")]
    [InlineData("api/users/me")]
    public async Task ProtectedRoutesAnswer401WithABearerChallengeWithoutAToken(string path)
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);

        var response = await browser.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("api/.well-known/jwks.json")]
    [InlineData("api/.well-known/openid-configuration")]
    public async Task AnHs256DeploymentPublishesNoKeys(string path)
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);

        await ProblemAssert.IsProblemAsync(await browser.GetAsync(path), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HealthAnswers200WithoutCredentials()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);

        var response = await browser.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
