using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.Functions;

public sealed class LoginFunctionTests : FunctionTestBase
{
    [Fact]
    public async Task LoginSetsBothHttpOnlyCookiesAndAnswersWithoutTokens()
    {
        var (email, login) = await Api.SignedInUserAsync();

        var access = login.Cookie("auth-cookie");
        Assert.True(access.HttpOnly);
        Assert.True(access.Secure);
        Assert.Equal(Microsoft.Azure.Functions.Worker.Http.SameSite.Strict, access.SameSite);
        Assert.Equal("/api", access.Path);
        Assert.Equal(15 * 60, access.MaxAge);

        var refresh = login.Cookie("refresh-cookie");
        Assert.True(refresh.HttpOnly);
        Assert.True(refresh.Secure);
        Assert.Equal(Microsoft.Azure.Functions.Worker.Http.SameSite.Strict, refresh.SameSite);
        Assert.Equal("/api/auth", refresh.Path);
        Assert.Equal(24 * 60 * 60, refresh.MaxAge);

        Assert.Equal("no-store", login.Header("Cache-Control"));
        var body = login.BodyJson;
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.Equal(Host.Time.GetUtcNow().AddMinutes(15), body.GetProperty("accessTokenExpiresAt").GetDateTimeOffset());
        Assert.Equal(Host.Time.GetUtcNow().AddDays(1), body.GetProperty("refreshTokenExpiresAt").GetDateTimeOffset());
        Assert.DoesNotContain(access.Value, login.BodyText);
        Assert.DoesNotContain(refresh.Value, login.BodyText);
        Assert.False(body.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task LoginInTokenModeReturnsTokensInTheBodyAndNoCookies()
    {
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);

        var login = await Api.LoginAsync(email, useCookies: false);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Empty(login.SetCookies);
        Assert.Equal("no-store", login.Header("Cache-Control"));
        var body = login.BodyJson;
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(900, body.GetProperty("expiresIn").GetInt64());
        var accessToken = body.GetProperty("accessToken").GetString()!;
        Assert.Equal(3, accessToken.Split('.').Length);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));

        var movies = await Api.SendAsync(TestRequest.Get("/api/users/fav-movies").WithBearer(accessToken));
        Assert.Equal(HttpStatusCode.OK, movies.StatusCode);
    }

    [Fact]
    public async Task LoginWithAnUnpairedSurrogateEscapeInThePasswordAnswersTheSame400ForKnownAndUnknownEmails()
    {
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);

        var known = await Api.LoginAsync(email, "correct horse \\ud800 staple");
        var unknown = await Api.LoginAsync(ApiClient.UniqueEmail(), "correct horse \\ud800 staple");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (known.StatusCode, unknown.StatusCode));
        Assert.Equal(known.BodyText, unknown.BodyText);
    }

    [Fact]
    public async Task LoginAnswersTheSame401ForAnUnknownEmailAndAWrongPassword()
    {
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);

        var wrongPassword = await Api.LoginAsync(email, "wrong password!");
        var unknownEmail = await Api.LoginAsync(ApiClient.UniqueEmail());

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal(wrongPassword.BodyText, unknownEmail.BodyText);
        Assert.Equal("application/problem+json", unknownEmail.Header("Content-Type"));
        Assert.Empty(wrongPassword.SetCookies);
    }

    [Fact]
    public async Task LoginLocksTheAccountAfterFiveFailuresUntilTheDurationPasses()
    {
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.LoginAsync(email, "wrong password!")).StatusCode);
        }

        var locked = await Api.LoginAsync(email);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("900", locked.Header("Retry-After"));
        Assert.Equal("application/problem+json", locked.Header("Content-Type"));
        Assert.Empty(locked.SetCookies);

        Host.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Api.LoginAsync(email)).StatusCode);

        Host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(email)).StatusCode);
    }

    [Fact]
    public async Task LoginResetsTheFailureCountAfterASuccess()
    {
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);
        for (var i = 0; i < 4; i++)
        {
            await Api.LoginAsync(email, "wrong password!");
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(email)).StatusCode);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.LoginAsync(email, "wrong password!")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(email)).StatusCode);
    }

    [Fact]
    public async Task LoginRejectsAnUnknownUseCookiesValue()
    {
        var response = await Api.SendAsync(TestRequest.Post("/api/auth/login?useCookies=maybe")
            .WithJson("""{"email":"a@example.test","password":"whatever password"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task LoginRejectsMissingCredentialsWith400()
    {
        var response = await Api.SendAsync(TestRequest.Post("/api/auth/login").WithJson("""{"email":"a@example.test"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
    }
}
