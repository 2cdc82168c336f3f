using System.Net;
using System.Text.Json;

namespace FuncAuth.Tests.EndToEnd;

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
        var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(userId, body.GetProperty("userId").GetString());
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.True(body.TryGetProperty("displayName", out _));
        Assert.All(browser.RequestLog.Where(r => r.Uri.AbsolutePath.StartsWith("/api/users/", StringComparison.Ordinal)),
            r => Assert.True(r.SentCookie("auth-cookie")));
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

    [Fact]
    public async Task HealthAnswers200WithoutCredentials()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);

        var response = await browser.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
