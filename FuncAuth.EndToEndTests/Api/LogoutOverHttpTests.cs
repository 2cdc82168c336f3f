using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.EndToEndTests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class LogoutOverHttpTests(ApiServerFixture server)
{
    [Fact]
    public async Task LogoutAnswers204AndExpiresBothCookiesWithTheirPathAndAttributes()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        await browser.SignInNewUserAsync();

        var logout = await browser.PostAsync("api/auth/logout");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal("no-store", logout.Headers.CacheControl?.ToString());
        Assert.Equal(
            [
                "auth-cookie=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; path=/api; secure; samesite=strict; httponly",
                "refresh-cookie=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; path=/api/auth; secure; samesite=strict; httponly",
            ],
            logout.Headers.GetValues("Set-Cookie").Order(StringComparer.Ordinal));
        Assert.Empty(browser.Jar.Cookies);
        await ProblemAssert.IsProblemAsync(await browser.RefreshAsync(), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await browser.GetAsync("api/users/fav-movies"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ALogoutWithTheVictimsIdsAndAForgedSecretAnswers204AndLeavesTheSessionWorking()
    {
        using var victim = new BrowserLikeClient(server.BaseAddress);
        var (_, login) = await victim.SignInNewUserAsync();
        var userId = System.Text.Json.JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("userId").GetString()!;
        var sessionId = RefreshTokenForgery.SessionIdOf(victim.Jar.Find("auth-cookie")!.Value);

        using var attacker = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/logout");
        request.Headers.TryAddWithoutValidation("Cookie", $"refresh-cookie={RefreshTokenForgery.FromIds(userId, sessionId)}");
        var forged = await attacker.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.RefreshAsync()).StatusCode);
    }

    [Fact]
    public async Task LogoutOfOneDeviceLeavesTheOtherSignedIn()
    {
        using var laptop = new BrowserLikeClient(server.BaseAddress);
        using var phone = new BrowserLikeClient(server.BaseAddress);
        var (email, _) = await laptop.SignInNewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await phone.LoginAsync(email)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.PostAsync("api/auth/logout")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await phone.RefreshAsync()).StatusCode);
    }

    [Fact]
    public async Task LogoutAllEndsTheSessionsOfEveryDevice()
    {
        using var laptop = new BrowserLikeClient(server.BaseAddress);
        using var phone = new BrowserLikeClient(server.BaseAddress);
        var (email, _) = await laptop.SignInNewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await phone.LoginAsync(email)).StatusCode);
        var phoneRefresh = phone.Jar.Find("refresh-cookie")!.Value;

        var logoutAll = await laptop.PostAsync("api/auth/logout-all");

        Assert.Equal(HttpStatusCode.NoContent, logoutAll.StatusCode);
        await ProblemAssert.IsProblemAsync(await laptop.RefreshAsync(), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await phone.RefreshAsync(), HttpStatusCode.Unauthorized);
        Assert.Equal(phoneRefresh, phone.Jar.Find("refresh-cookie")?.Value); // the phone still held it: the server refused it
    }
}
