using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.Functions;

public sealed class LogoutFunctionTests : FunctionTestBase
{
    [Fact]
    public async Task LogoutRevokesTheSessionAndExpiresBothCookiesWithTheirAttributes()
    {
        var (_, login) = await Api.SignedInUserAsync();
        var refreshToken = ApiClient.RefreshCookie(login);

        var logout = await Api.SendAsync(TestRequest.Post("/api/auth/logout").WithCookies(("refresh-cookie", refreshToken)));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        foreach (var (name, path) in new[] { ("auth-cookie", "/api"), ("refresh-cookie", "/api/auth") })
        {
            var cookie = logout.Cookie(name);
            Assert.Equal(string.Empty, cookie.Value);
            Assert.Equal(0, cookie.MaxAge);
            Assert.Equal(path, cookie.Path);
            Assert.True(cookie.HttpOnly);
            Assert.True(cookie.Secure);
            Assert.Equal(login.Cookie(name).SameSite, cookie.SameSite);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.RefreshWithCookieAsync(refreshToken)).StatusCode);
    }

    [Fact]
    public async Task LogoutWithABodyTokenAndNoQueryParameterEndsThatSession()
    {
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);
        var refreshToken = (await Api.LoginAsync(email, useCookies: false)).BodyJson.GetProperty("refreshToken").GetString();

        var logout = await Api.SendAsync(TestRequest.Post("/api/auth/logout").WithJson($$"""{"refreshToken":"{{refreshToken}}"}"""));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.SendAsync(TestRequest.Post("/api/auth/refresh-tokens")
            .WithJson($$"""{"refreshToken":"{{refreshToken}}"}"""))).StatusCode);
    }

    [Fact]
    public async Task LogoutWithTheTokenInBothCookieAndBodyIs400AndEndsNothing()
    {
        var (_, login) = await Api.SignedInUserAsync();
        var token = ApiClient.RefreshCookie(login);

        var both = await Api.SendAsync(TestRequest.Post("/api/auth/logout")
            .WithCookies(("refresh-cookie", token))
            .WithJson($$"""{"refreshToken":"{{token}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.RefreshWithCookieAsync(token)).StatusCode);
    }

    [Fact]
    public async Task LogoutAnswers204WhenAlreadyLoggedOut()
    {
        var response = await Api.SendAsync(TestRequest.Post("/api/auth/logout"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2, response.SetCookies.Count);
    }

    [Fact]
    public async Task LogoutWithOnlyTheAccessTokenEndsThatSession()
    {
        var (_, login) = await Api.SignedInUserAsync();

        var logout = await Api.SendAsync(TestRequest.Post("/api/auth/logout").WithBearer(ApiClient.AccessCookie(login)));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login))).StatusCode);
    }

    [Fact]
    public async Task LogoutInTokenModeTakesTheRefreshTokenFromTheBody()
    {
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);
        var login = await Api.LoginAsync(email, useCookies: false);
        var refreshToken = login.BodyJson.GetProperty("refreshToken").GetString();

        var logout = await Api.SendAsync(TestRequest.Post("/api/auth/logout?useCookies=false").WithJson($$"""{"refreshToken":"{{refreshToken}}"}"""));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var refresh = await Api.SendAsync(TestRequest.Post("/api/auth/refresh-tokens?useCookies=false").WithJson($$"""{"refreshToken":"{{refreshToken}}"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task LogoutAllEndsEverySessionOfTheUser()
    {
        var (email, phone) = await Api.SignedInUserAsync();
        var laptop = await Api.LoginAsync(email);
        var (_, otherUser) = await Api.SignedInUserAsync();

        var response = await Api.SendAsync(TestRequest.Post("/api/auth/logout-all").WithCookies(("auth-cookie", ApiClient.AccessCookie(laptop))));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, response.Cookie("auth-cookie").MaxAge);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(phone))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(laptop))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(otherUser))).StatusCode);
    }

    [Fact]
    public async Task LogoutAllNeedsAValidAccessToken()
    {
        var response = await Api.SendAsync(TestRequest.Post("/api/auth/logout-all"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
