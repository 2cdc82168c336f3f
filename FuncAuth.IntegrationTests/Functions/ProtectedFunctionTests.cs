using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.Functions;

public sealed class ProtectedFunctionTests : FunctionTestBase
{
    [Fact]
    public async Task FavMoviesAnswersTheListGivenTheAccessCookie()
    {
        var (_, login) = await Api.SignedInUserAsync();

        var response = await Api.FavMoviesWithCookieAsync(ApiClient.AccessCookie(login));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""["Avatar","Avengers"]""", response.BodyText);
    }

    [Fact]
    public async Task MeAnswersTheCallerFromTheToken()
    {
        var (email, login) = await Api.SignedInUserAsync();

        var me = await Api.SendAsync(TestRequest.Get("/api/users/me").WithCookies(("auth-cookie", ApiClient.AccessCookie(login))));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(email, me.BodyJson.GetProperty("email").GetString());
        Assert.Equal(login.BodyJson.GetProperty("userId").GetString(), me.BodyJson.GetProperty("userId").GetString());
    }

    [Theory]
    [InlineData("/api/users/fav-movies")]
    [InlineData("/api/users/me")]
    public async Task ProtectedFunctionsAnswer401ProblemWithoutAToken(string path)
    {
        var response = await Api.SendAsync(TestRequest.Get(path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal("Bearer", response.Header("WWW-Authenticate"));
        Assert.Equal(401, response.BodyJson.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AccessTokenWorksOneSecondBeforeExpiryPlusSkewAndNotAtIt()
    {
        var (_, login) = await Api.SignedInUserAsync();
        var token = ApiClient.AccessCookie(login);

        Host.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Api.FavMoviesWithCookieAsync(token)).StatusCode);

        Host.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = await Api.FavMoviesWithCookieAsync(token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", expired.Header("WWW-Authenticate"));
    }

    public static TheoryData<string> HostileTokens => new()
    {
        "garbage",
        "a.b.c",
        "%00%ff;;==",
        new string('x', 5000),
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
    };

    [Theory]
    [MemberData(nameof(HostileTokens))]
    public async Task JunkCookiesAndHeadersGet401NeverA5xx(string junk)
    {
        var cookie = await Api.FavMoviesWithCookieAsync(junk);
        var header = await Api.SendAsync(TestRequest.Get("/api/users/fav-movies").WithHeader("Authorization", "Bearer " + junk));

        Assert.Equal(HttpStatusCode.Unauthorized, cookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, header.StatusCode);
    }

    [Theory]
    [InlineData("=")]
    [InlineData(";;")]
    [InlineData("auth-cookie")]
    [InlineData("a=1;=;auth-cookie=")]
    public async Task CookieHeadersWithEmptyPairsGet401NotA500(string header)
    {
        var movies = await Api.SendAsync(TestRequest.Get("/api/users/fav-movies").WithHeader("Cookie", header));
        var logout = await Api.SendAsync(TestRequest.Post("/api/auth/logout").WithHeader("Cookie", header));
        var refresh = await Api.SendAsync(TestRequest.Post("/api/auth/refresh-tokens").WithHeader("Cookie", header));

        Assert.Equal(HttpStatusCode.Unauthorized, movies.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task ForgedTokensAreRejected()
    {
        var (_, login) = await Api.SignedInUserAsync();
        var token = ApiClient.AccessCookie(login);
        var payload = JwtForgery.PayloadOf(token);
        var forgeries = new[]
        {
            JwtForgery.AlgNone(token),
            JwtForgery.EditClaim(token, "sub", "0123456789abcdef0123456789abcdef"),
            JwtForgery.SignWith(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), payload),
            JwtForgery.SignWith(Convert.FromBase64String(Host.Settings["Auth:SigningKey"]!), payload, alg: "HS512"),
        };

        foreach (var forged in forgeries)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.FavMoviesWithCookieAsync(forged)).StatusCode);
        }

        // The genuine token still works, so the refusals above are about the forgery, not the setup.
        Assert.Equal(HttpStatusCode.OK, (await Api.FavMoviesWithCookieAsync(token)).StatusCode);
    }

    [Fact]
    public async Task ATokenForAnotherAudienceIsRejected()
    {
        var (_, login) = await Api.SignedInUserAsync();
        var token = ApiClient.AccessCookie(login);
        var key = Convert.FromBase64String(Host.Settings["Auth:SigningKey"]!);
        var payload = System.Text.Json.Nodes.JsonNode.Parse(JwtForgery.PayloadOf(token))!.AsObject();
        payload["aud"] = "someone-else";

        var response = await Api.FavMoviesWithCookieAsync(JwtForgery.SignWith(key, payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
