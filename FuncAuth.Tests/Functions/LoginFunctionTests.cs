using System.Net;
using FuncAuth.Http;
using FuncAuth.Sessions;
using FuncAuth.Tests.Http;
using FuncAuth.TestSupport.Functions;
using FuncAuth.Tokens;
using FuncAuth.Users;

namespace FuncAuth.Tests.Functions;

public sealed class LoginFunctionTests
{
    private const string Url = "http://localhost:7071/api/auth/login";

    private readonly FunctionUnit _unit = new();
    private readonly LoginFunction _function;

    public LoginFunctionTests() => _function = new LoginFunction(_unit.Login, _unit.Responses);

    private async Task<TestHttpResponseData> Run(string? json, string url = Url)
    {
        var (context, request) = FunctionUnit.Post(url, json);
        return (TestHttpResponseData)await _function.Run(request, context);
    }

    private static string Body(string email, string password) =>
        System.Text.Json.JsonSerializer.Serialize(new { email, password });

    [Fact]
    public async Task Run_CorrectPassword_Answers200WithBothCookiesAndNoTokenInTheBody()
    {
        _unit.SeedAlice();

        var response = await Run(Body(FunctionUnit.Email, FunctionUnit.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        var access = response.Cookie(_unit.Options.Cookies.AccessName).Value;
        Assert.Equal(FunctionUnit.UserId, _unit.AccessTokens.Validate(access)?.UserId);
        Assert.NotEmpty(response.Cookie(_unit.Options.Cookies.RefreshName).Value);
        Assert.Equal(FunctionUnit.UserId, response.BodyJson.GetProperty("userId").GetString());
        Assert.DoesNotContain(access, response.BodyText, StringComparison.Ordinal);
        Assert.False(response.BodyJson.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task Run_UseCookiesFalse_Answers200WithTokensInTheBodyAndNoCookie()
    {
        _unit.SeedAlice();

        var response = await Run(Body(FunctionUnit.Email, FunctionUnit.Password), Url + "?useCookies=false");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.SetCookies);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        var body = response.BodyJson;
        Assert.Equal(FunctionUnit.UserId, _unit.AccessTokens.Validate(body.GetProperty("accessToken").GetString())?.UserId);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal((long)_unit.Options.AccessTokenLifetime.TotalSeconds, body.GetProperty("expiresIn").GetInt64());
        Assert.Equal(
            RefreshTokenParseResult.Genuine,
            _unit.RefreshTokens.TryParse(body.GetProperty("refreshToken").GetString(), out _));
    }

    [Fact]
    public async Task Run_UseCookiesNeitherTrueNorFalse_Answers400WithoutStorageCall()
    {
        _unit.SeedAlice();

        var response = await Run(Body(FunctionUnit.Email, FunctionUnit.Password), Url + "?useCookies=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemResponses.ContentType, response.Header("Content-Type"));
        Assert.Equal(0, _unit.Users.RoundTrips);
    }

    [Fact]
    public async Task Run_BodyNotJson_Answers415()
    {
        var (context, request) = FunctionUnit.Post(Url, json: null, caller: null, HttpUnit.Header("Content-Type", "text/plain"));

        var response = (TestHttpResponseData)await _function.Run(request, context);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ProblemResponses.ContentType, response.Header("Content-Type"));
    }

    [Theory]
    [InlineData("", FunctionUnit.Password)]
    [InlineData("   ", FunctionUnit.Password)]
    [InlineData(FunctionUnit.Email, "")]
    public async Task Run_EmailOrPasswordMissing_Answers400WithoutStorageCall(string email, string password)
    {
        var response = await Run(Body(email, password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("required", response.BodyJson.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _unit.Users.RoundTrips);
    }

    [Fact]
    public async Task Run_NullPassword_Answers400()
    {
        var response = await Run($"{{\"email\":\"{FunctionUnit.Email}\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _unit.Users.RoundTrips);
    }

    [Fact]
    public async Task Run_EmailOneOverTheLimit_Answers401WithoutStorageCall()
    {
        var email = new string('a', EmailAddress.MaxLength - "@example.com".Length + 1) + "@example.com";

        var response = await Run(Body(email, FunctionUnit.Password));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(LoginFunction.InvalidCredentialsDetail, response.BodyJson.GetProperty("detail").GetString());
        Assert.Equal(0, _unit.Users.RoundTrips);
    }

    [Fact]
    public async Task Run_EmailAtTheLimit_IsLookedUp()
    {
        var email = new string('a', EmailAddress.MaxLength - "@example.com".Length) + "@example.com";

        var response = await Run(Body(email, FunctionUnit.Password));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _unit.Users.Reads);
    }

    [Fact]
    public async Task Run_PasswordOneOverTheLimit_Answers401WithoutStorageCall()
    {
        _unit.SeedAlice();

        var response = await Run(Body(FunctionUnit.Email, new string('p', CredentialRules.MaxPasswordLength + 1)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _unit.Users.RoundTrips);
    }

    [Fact]
    public async Task Run_PasswordAtTheLimit_IsChecked()
    {
        _unit.SeedAlice();

        var response = await Run(Body(FunctionUnit.Email, new string('p', CredentialRules.MaxPasswordLength)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _unit.Users[EmailAddress.Normalize(FunctionUnit.Email)]!.FailedLoginCount);
    }

    [Fact]
    public async Task Run_WrongPasswordAndUnknownEmail_SameAnswer()
    {
        _unit.SeedAlice();

        var wrong = await Run(Body(FunctionUnit.Email, "not the password"));
        var unknown = await Run(Body("bob@example.com", FunctionUnit.Password));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal(wrong.BodyText, unknown.BodyText);
        Assert.Equal("Bearer", wrong.Header("WWW-Authenticate"));
        Assert.Empty(wrong.SetCookies);
    }

    [Fact]
    public async Task Run_LockedAccount_Answers429WithRetryAfter()
    {
        _unit.SeedAlice();
        for (var i = 0; i < _unit.Options.Lockout.MaxFailedAttempts; i++)
        {
            await Run(Body(FunctionUnit.Email, "not the password"));
        }

        var response = await Run(Body(FunctionUnit.Email, FunctionUnit.Password));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(
            ((long)_unit.Options.Lockout.Duration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            response.Header("Retry-After"));
        Assert.Contains("locked", response.BodyJson.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(response.SetCookies);
    }
}
