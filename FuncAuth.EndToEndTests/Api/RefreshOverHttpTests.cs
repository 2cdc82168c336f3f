using System.Net;
using System.Text.Json;

namespace FuncAuth.EndToEndTests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class RefreshOverHttpTests(ApiServerFixture server)
{
    [Fact]
    public async Task RefreshRotatesBothCookiesAndTheNewAccessCookieWorks()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        await browser.SignInNewUserAsync();
        var oldAccess = browser.Jar.Find("auth-cookie")!.Value;
        var oldRefresh = browser.Jar.Find("refresh-cookie")!.Value;

        var refresh = await browser.RefreshAsync();

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal("no-store", refresh.Headers.CacheControl?.ToString());
        var setCookies = refresh.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(setCookies, c => c.StartsWith("auth-cookie=", StringComparison.Ordinal) && c.EndsWith("; path=/api; secure; samesite=strict; httponly", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("refresh-cookie=", StringComparison.Ordinal) && c.EndsWith("; path=/api/auth; secure; samesite=strict; httponly", StringComparison.Ordinal));
        Assert.NotEqual(oldAccess, browser.Jar.Find("auth-cookie")!.Value);
        Assert.NotEqual(oldRefresh, browser.Jar.Find("refresh-cookie")!.Value);
        var text = await refresh.Content.ReadAsStringAsync();
        Assert.DoesNotContain(browser.Jar.Find("refresh-cookie")!.Value, text);
        Assert.False(JsonDocument.Parse(text).RootElement.TryGetProperty("accessToken", out _));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/users/fav-movies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.RefreshAsync()).StatusCode);
    }

    [Fact]
    public async Task ARefreshRetriedInsideTheGraceWindowReturnsTheSameSuccessor()
    {
        // The answer to the first refresh is lost (a dropped connection, a closed tab): the client sends it again.
        using var browser = new BrowserLikeClient(server.BaseAddress);
        await browser.SignInNewUserAsync();
        var replaced = browser.Jar.Find("refresh-cookie")!.Value;
        var lost = await SendWithRefreshCookieAsync(replaced);
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);

        var retried = await browser.RefreshAsync();

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(RefreshCookieOf(lost), browser.Jar.Find("refresh-cookie")!.Value);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/users/fav-movies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.RefreshAsync()).StatusCode);
    }

    [Fact]
    public async Task RefreshInTokenModeTakesTheTokenFromTheBodyAndAnswersWithNewTokens()
    {
        using var client = new BrowserLikeClient(server.BaseAddress);
        var email = BrowserLikeClient.UniqueEmail();
        await client.RegisterAsync(email);
        var login = JsonDocument.Parse(await (await client.LoginAsync(email, useCookies: false)).Content.ReadAsStringAsync()).RootElement;
        var refreshToken = login.GetProperty("refreshToken").GetString();

        var refresh = await client.PostJsonAsync("api/auth/refresh-tokens?useCookies=false", JsonSerializer.Serialize(new { refreshToken }));

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.False(refresh.Headers.Contains("Set-Cookie"));
        var body = JsonDocument.Parse(await refresh.Content.ReadAsStringAsync()).RootElement;
        Assert.NotEqual(refreshToken, body.GetProperty("refreshToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithBearerAsync("api/users/me", body.GetProperty("accessToken").GetString()!)).StatusCode);
    }

    private static string RefreshCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("refresh-cookie=", StringComparison.Ordinal)).Split(';')[0]["refresh-cookie=".Length..];

    /// <summary>A second tab (or an attacker) presenting <paramref name="refreshToken"/> as the refresh cookie, with its own connection.</summary>
    private async Task<HttpResponseMessage> SendWithRefreshCookieAsync(string refreshToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/refresh-tokens");
        request.Headers.TryAddWithoutValidation("Cookie", $"refresh-cookie={refreshToken}");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
