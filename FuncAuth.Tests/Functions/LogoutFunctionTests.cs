using System.Net;
using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.Tests.Http;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.Tests.Functions;

public sealed class LogoutFunctionTests
{
    private const string Url = "http://localhost:7071/api/auth/logout";
    private const string OtherSession = "11111111111111111111111111111111";

    private readonly FunctionUnit _unit = new();
    private readonly LogoutFunction _logout;
    private readonly LogoutAllFunction _logoutAll;

    public LogoutFunctionTests()
    {
        _logout = new LogoutFunction(_unit.SessionService, _unit.Cookies);
        _logoutAll = new LogoutAllFunction(_unit.SessionService, _unit.Cookies);
    }

    private void AssertCookiesExpired(TestHttpResponseData response)
    {
        Assert.Equal(0, response.Cookie(_unit.Options.Cookies.AccessName).MaxAge);
        Assert.Equal(0, response.Cookie(_unit.Options.Cookies.RefreshName).MaxAge);
        Assert.Equal(string.Empty, response.Cookie(_unit.Options.Cookies.RefreshName).Value);
    }

    [Fact]
    public async Task Run_RefreshCookie_EndsThatSessionOnlyAndExpiresBothCookies()
    {
        var (session, token) = _unit.StartSession();
        _unit.StartSession(OtherSession);
        var (context, request) = FunctionUnit.Post(Url, headers: HttpUnit.Header("Cookie", $"{_unit.Options.Cookies.RefreshName}={token}"));

        var response = (TestHttpResponseData)await _logout.Run(request, context);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(_unit.Sessions.Find(FunctionUnit.UserId, session.SessionId));
        Assert.NotNull(_unit.Sessions.Find(FunctionUnit.UserId, OtherSession));
        AssertCookiesExpired(response);
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task Run_NoRefreshTokenButCaller_EndsTheCallersSession()
    {
        var (session, _) = _unit.StartSession();
        var (context, request) = FunctionUnit.Post(Url, caller: new AuthenticatedUser(FunctionUnit.UserId, session.SessionId));

        var response = (TestHttpResponseData)await _logout.Run(request, context);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(_unit.Sessions.All);
    }

    [Fact]
    public async Task Run_NothingPresented_Answers204AndChangesNothing()
    {
        _unit.StartSession();
        var (context, request) = FunctionUnit.Post(Url);

        var response = (TestHttpResponseData)await _logout.Run(request, context);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(_unit.Sessions.All);
        AssertCookiesExpired(response);
    }

    [Fact]
    public async Task Run_CookieAndBodyBoth_Answers400AndEndsNothing()
    {
        var (_, token) = _unit.StartSession();
        var (context, request) = FunctionUnit.Post(
            Url, System.Text.Json.JsonSerializer.Serialize(new { refreshToken = token }), null,
            HttpUnit.Header("Cookie", $"{_unit.Options.Cookies.RefreshName}={token}"));

        var response = (TestHttpResponseData)await _logout.Run(request, context);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(_unit.Sessions.All);
    }

    [Fact]
    public async Task Run_UseCookiesFalseWithoutBody_Answers204()
    {
        // Logout reads no body when none is sent: nothing to end, still a success.
        var (context, request) = FunctionUnit.Post(Url + "?useCookies=false");

        var response = (TestHttpResponseData)await _logout.Run(request, context);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task LogoutAllRun_Caller_EndsEverySessionAndExpiresCookies()
    {
        var (session, _) = _unit.StartSession();
        _unit.StartSession(OtherSession);
        var (context, request) = FunctionUnit.Post(Url + "-all", caller: new AuthenticatedUser(FunctionUnit.UserId, session.SessionId));

        var response = (TestHttpResponseData)await _logoutAll.Run(request, context);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(_unit.Sessions.All);
        AssertCookiesExpired(response);
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }
}
