using System.Net;
using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.Tests.Http;
using FuncAuth.TestSupport.Functions;
using FuncAuth.Tokens;

namespace FuncAuth.Tests.Functions;

public sealed class RefreshTokensFunctionTests
{
    private const string Url = "http://localhost:7071/api/auth/refresh-tokens";

    private readonly FunctionUnit _unit = new();
    private readonly RefreshTokensFunction _function;

    public RefreshTokensFunctionTests() => _function = new RefreshTokensFunction(_unit.SessionService, _unit.Cookies, _unit.Responses);

    private async Task<TestHttpResponseData> Run(string url = Url, string? json = null, params KeyValuePair<string, string>[] headers)
    {
        var (context, request) = FunctionUnit.Post(url, json, caller: null, headers);
        return (TestHttpResponseData)await _function.Run(request, context);
    }

    private KeyValuePair<string, string> RefreshCookie(string token) =>
        HttpUnit.Header("Cookie", $"{_unit.Options.Cookies.RefreshName}={token}");

    private static string Body(string? token) => System.Text.Json.JsonSerializer.Serialize(new { refreshToken = token });

    [Fact]
    public async Task Run_CurrentRefreshCookie_RotatesAndSetsTheSuccessorCookies()
    {
        var (_, token) = _unit.StartSession();

        var response = await Run(headers: RefreshCookie(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var successor = response.Cookie(_unit.Options.Cookies.RefreshName).Value;
        Assert.Equal(RefreshTokenParseResult.Genuine, _unit.RefreshTokens.TryParse(successor, out var parsed));
        Assert.Equal(1, parsed?.Generation);
        Assert.NotNull(_unit.AccessTokens.Validate(response.Cookie(_unit.Options.Cookies.AccessName).Value));
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task Run_TokenInBodyWithUseCookiesFalse_AnswersTokensInTheBody()
    {
        var (_, token) = _unit.StartSession();

        var response = await Run(Url + "?useCookies=false", Body(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.SetCookies);
        Assert.Equal(RefreshTokenParseResult.Genuine, _unit.RefreshTokens.TryParse(response.BodyJson.GetProperty("refreshToken").GetString(), out var parsed));
        Assert.Equal(1, parsed?.Generation);
    }

    [Fact]
    public async Task Run_TokenInBodyWithoutQuery_AnswersInTokenMode()
    {
        var (_, token) = _unit.StartSession();

        var response = await Run(json: Body(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.SetCookies);
        Assert.True(response.BodyJson.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task Run_CookieAndBodyBoth_Answers400WithoutStorageCall()
    {
        var (_, token) = _unit.StartSession();

        var response = await Run(json: Body(token), headers: RefreshCookie(token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PresentedRefreshToken.BothDetail, response.BodyJson.GetProperty("detail").GetString());
        Assert.Equal(0, _unit.Sessions.RoundTrips);
    }

    [Fact]
    public async Task Run_UseCookiesFalseWithoutBody_Answers400()
    {
        var response = await Run(Url + "?useCookies=false", headers: HttpUnit.Header("Content-Type", "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("A JSON request body is required.", response.BodyJson.GetProperty("detail").GetString());
        Assert.Equal(0, _unit.Sessions.RoundTrips);
    }

    [Fact]
    public async Task Run_InvalidUseCookies_Answers400()
    {
        var (_, token) = _unit.StartSession();

        var response = await Run(Url + "?useCookies=yes", headers: RefreshCookie(token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _unit.Sessions.RoundTrips);
    }

    [Fact]
    public async Task Run_BodyNotJson_Answers415()
    {
        var response = await Run(headers: [HttpUnit.Header("Content-Type", "text/plain"), HttpUnit.Header("Content-Length", "3")]);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Run_NoToken_Answers401WithoutStorageCall(string? bodyToken)
    {
        var response = bodyToken is null ? await Run() : await Run(json: Body(bodyToken));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("No refresh token", response.BodyJson.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _unit.Sessions.RoundTrips);
    }

    [Fact]
    public async Task Run_EmptyPostWithContentTypeAndCookie_UsesTheCookie()
    {
        var (_, token) = _unit.StartSession();

        var response = await Run(headers: [RefreshCookie(token), HttpUnit.Header("Content-Type", "application/json"), HttpUnit.Header("Content-Length", "0")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(response.SetCookies);
    }

    [Fact]
    public async Task Run_CookieAndWhitespaceBodyToken_UsesTheCookie()
    {
        var (_, token) = _unit.StartSession();

        var response = await Run(json: Body("  "), headers: RefreshCookie(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FunctionUnit.UserId, response.BodyJson.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task ReadAsync_NullArguments_ThrowArgumentNullException()
    {
        var (_, request) = FunctionUnit.Post(Url);

        await Assert.ThrowsAsync<ArgumentNullException>(() => PresentedRefreshToken.ReadAsync(null!, _unit.Cookies, bodyRequired: true, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => PresentedRefreshToken.ReadAsync(request, null!, bodyRequired: true, CancellationToken.None));
    }

    [Fact]
    public async Task Run_ReplayedToken_Answers401AndLeavesCookiesAlone()
    {
        var (_, first) = _unit.StartSession();
        Assert.Equal(HttpStatusCode.OK, (await Run(headers: RefreshCookie(first))).StatusCode);
        _unit.Clock.Advance(_unit.Options.RefreshReuseGrace);

        var replay = await Run(headers: RefreshCookie(first));

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("The refresh token is invalid, expired or revoked; sign in again.", replay.BodyJson.GetProperty("detail").GetString());
        Assert.Empty(replay.SetCookies);
        Assert.Equal("Bearer", replay.Header("WWW-Authenticate"));
        Assert.NotNull(_unit.Sessions.All.Single().RevokedAt);
    }

    [Fact]
    public async Task Run_Caller_IsNotWhatIsRefreshed()
    {
        // An access token says nothing about which session to rotate: without a refresh token nothing rotates.
        _unit.StartSession();
        var (context, request) = FunctionUnit.Post(Url, caller: new AuthenticatedUser(FunctionUnit.UserId, "fedcba9876543210fedcba9876543210"));

        var response = (TestHttpResponseData)await _function.Run(request, context);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _unit.Sessions.All.Single().Generation);
    }
}
