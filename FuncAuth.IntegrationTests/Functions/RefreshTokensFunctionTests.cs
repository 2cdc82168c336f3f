using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.Functions;

public sealed class RefreshTokensFunctionTests : FunctionTestBase
{
    [Fact]
    public async Task RefreshRotatesBothCookies()
    {
        var (_, login) = await Api.SignedInUserAsync();
        Host.Time.Advance(TimeSpan.FromMinutes(5));

        var refreshed = await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login));

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal("no-store", refreshed.Header("Cache-Control"));
        Assert.NotEqual(ApiClient.RefreshCookie(login), ApiClient.RefreshCookie(refreshed));
        Assert.NotEqual(ApiClient.AccessCookie(login), ApiClient.AccessCookie(refreshed));
        Assert.Equal(Host.Time.GetUtcNow().AddDays(1), refreshed.BodyJson.GetProperty("refreshTokenExpiresAt").GetDateTimeOffset());
        Assert.DoesNotContain(ApiClient.RefreshCookie(refreshed), refreshed.BodyText);
        Assert.Equal(HttpStatusCode.OK, (await Api.FavMoviesWithCookieAsync(ApiClient.AccessCookie(refreshed))).StatusCode);
    }

    [Fact]
    public async Task RefreshFailsGivenNoToken()
    {
        var response = await Api.SendAsync(TestRequest.Post("/api/auth/refresh-tokens"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
    }

    [Theory]
    [InlineData("junk")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task RefreshFailsGivenAnUnknownToken(string token)
    {
        var response = await Api.RefreshWithCookieAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RefreshRetriedWithTheJustReplacedTokenInsideTheGraceWindowGetsTheSameSuccessor()
    {
        var (_, login) = await Api.SignedInUserAsync();
        var first = await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login));

        Host.Time.Advance(TimeSpan.FromSeconds(9));
        var retried = await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login));

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(ApiClient.RefreshCookie(first), ApiClient.RefreshCookie(retried));
        Assert.Equal(HttpStatusCode.OK, (await Api.FavMoviesWithCookieAsync(ApiClient.AccessCookie(retried))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(first))).StatusCode);
    }

    [Fact]
    public async Task RefreshWithRealIdsAndAMadeUpSecretIsRefusedAndTheSessionKeepsWorking()
    {
        var (_, login) = await Api.SignedInUserAsync();
        Host.Time.Advance(TimeSpan.FromMinutes(1));

        var forged = await Api.RefreshWithCookieAsync(RefreshTokenForgery.WithRandomMac(ApiClient.RefreshCookie(login)));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login))).StatusCode);
    }

    [Fact]
    public async Task RefreshFailsGivenRevokedSession()
    {
        var (_, login) = await Api.SignedInUserAsync();
        var rotated = await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login));

        Host.Time.Advance(TimeSpan.FromSeconds(10));
        var replay = await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login));

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        // Replay after the grace window revoked the whole family: the legitimate new token is dead too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(rotated))).StatusCode);
    }

    [Fact]
    public async Task RefreshFailsOnceTheRefreshTokenHasExpired()
    {
        var (_, login) = await Api.SignedInUserAsync();

        Host.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login))).StatusCode);
    }

    [Fact]
    public async Task ConcurrentRefreshesWithOneTokenAllReceiveTheOneSuccessor()
    {
        var (_, login) = await Api.SignedInUserAsync();
        var token = ApiClient.RefreshCookie(login);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Api.RefreshWithCookieAsync(token))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(results.Select(ApiClient.RefreshCookie).Distinct());

        // Exactly one rotation landed: the successor is the current token and rotates normally.
        Assert.Equal(HttpStatusCode.OK, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(results[0]))).StatusCode);
    }

    [Fact]
    public async Task RefreshInTokenModeReadsTheBodyAndAnswersWithTokens()
    {
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);
        var login = await Api.LoginAsync(email, useCookies: false);
        var refreshToken = login.BodyJson.GetProperty("refreshToken").GetString();

        var refreshed = await Api.SendAsync(TestRequest.Post("/api/auth/refresh-tokens?useCookies=false")
            .WithJson($$"""{"refreshToken":"{{refreshToken}}"}"""));

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Empty(refreshed.SetCookies);
        Assert.NotEqual(refreshToken, refreshed.BodyJson.GetProperty("refreshToken").GetString());
    }

    [Fact]
    public async Task ABodyWithARefreshTokenSelectsTokenModeWithoutTheQueryParameter()
    {
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);
        var login = await Api.LoginAsync(email, useCookies: false);
        var refreshToken = login.BodyJson.GetProperty("refreshToken").GetString();

        var refreshed = await Api.SendAsync(TestRequest.Post("/api/auth/refresh-tokens").WithJson($$"""{"refreshToken":"{{refreshToken}}"}"""));

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Empty(refreshed.SetCookies);
        Assert.NotEqual(refreshToken, refreshed.BodyJson.GetProperty("refreshToken").GetString());
    }

    [Fact]
    public async Task ARefreshTokenInBothTheCookieAndTheBodyIs400SayingWhichToSend()
    {
        var (_, login) = await Api.SignedInUserAsync();
        var token = ApiClient.RefreshCookie(login);

        var both = await Api.SendAsync(TestRequest.Post("/api/auth/refresh-tokens")
            .WithCookies(("refresh-cookie", token))
            .WithJson($$"""{"refreshToken":"{{token}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(PresentedRefreshTokenDetail, both.BodyJson.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Api.RefreshWithCookieAsync(token)).StatusCode);
    }

    [Fact]
    public async Task ACookieRefreshWithAnEmptyJsonBodyStaysInCookieMode()
    {
        var (_, login) = await Api.SignedInUserAsync();

        var refreshed = await Api.SendAsync(TestRequest.Post("/api/auth/refresh-tokens")
            .WithCookies(("refresh-cookie", ApiClient.RefreshCookie(login)))
            .WithJson("{}"));

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEmpty(refreshed.SetCookies);
        Assert.False(refreshed.BodyJson.TryGetProperty("refreshToken", out _));
    }

    [Fact]
    public async Task TokenModeWithoutABodyIsRefusedAsNotJson()
    {
        var response = await Api.SendAsync(TestRequest.Post("/api/auth/refresh-tokens?useCookies=false"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
    }

    private static string PresentedRefreshTokenDetail => FuncAuth.Sessions.PresentedRefreshToken.BothDetail;

    [Fact]
    public async Task RefreshIsNotServedOverGet()
    {
        Assert.Null(FunctionRoute.Match("GET", "/api/auth/refresh-tokens"));
        Assert.NotNull(FunctionRoute.Match("POST", "/api/auth/refresh-tokens"));
    }
}
