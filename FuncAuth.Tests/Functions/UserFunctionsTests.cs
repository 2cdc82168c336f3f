using System.Net;
using FuncAuth.Auth;
using FuncAuth.Http;
using FuncAuth.Sessions;
using FuncAuth.Tests.Http;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.Users;
using Microsoft.Extensions.Logging.Abstractions;

namespace FuncAuth.Tests.Functions;

public sealed class UserFunctionsTests
{
    private const string MeUrl = "http://localhost:7071/api/users/me";
    private const string RegisterUrl = "http://localhost:7071/api/auth/register";

    private readonly FunctionUnit _unit = new();
    private readonly MeFunction _me;
    private readonly RegisterFunction _register;

    public UserFunctionsTests()
    {
        _me = new MeFunction(_unit.Sessions, _unit.Clock);
        var policy = TestPasswords.Policy();
        var registration = new RegistrationService(
            _unit.Users, FunctionUnit.Passwords, policy, _unit.Clock, NullLogger<RegistrationService>.Instance, TestMetrics.Create());
        _register = new RegisterFunction(registration, policy);
    }

    private async Task<TestHttpResponseData> Me(AuthenticatedUser caller)
    {
        var context = HttpUnit.Context("FuncAuth.Users.MeFunction.Run");
        context.SetAuthenticatedUser(caller);
        var request = HttpUnit.Request(url: MeUrl, context: context);
        return (TestHttpResponseData)await _me.Run(request, context);
    }

    private async Task<TestHttpResponseData> Register(object body)
    {
        var (context, request) = FunctionUnit.Post(RegisterUrl, System.Text.Json.JsonSerializer.Serialize(body));
        return (TestHttpResponseData)await _register.Run(request, context);
    }

    [Fact]
    public async Task MeRun_LiveSession_Answers200WithTheSessionsUser()
    {
        var (session, _) = _unit.StartSession();

        var response = await Me(new AuthenticatedUser(FunctionUnit.UserId, session.SessionId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FunctionUnit.UserId, response.BodyJson.GetProperty("userId").GetString());
        Assert.Equal(FunctionUnit.Email, response.BodyJson.GetProperty("email").GetString());
        Assert.Equal("Alice", response.BodyJson.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task MeRun_SessionDeleted_Answers401()
    {
        var response = await Me(new AuthenticatedUser(FunctionUnit.UserId, "fedcba9876543210fedcba9876543210"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Header("WWW-Authenticate"));
        Assert.Equal("The session has ended; sign in again.", response.BodyJson.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MeRun_SessionRevoked_Answers401()
    {
        var (session, _) = _unit.StartSession();
        _unit.Sessions.Put(session with { RevokedAt = _unit.Clock.GetUtcNow() });

        var response = await Me(new AuthenticatedUser(FunctionUnit.UserId, session.SessionId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MeRun_OneSecondBeforeAbsoluteExpiry_Answers200()
    {
        var (session, _) = _unit.StartSession();
        _unit.Clock.SetUtcNow(session.AbsoluteExpiresAt.AddSeconds(-1));

        var response = await Me(new AuthenticatedUser(FunctionUnit.UserId, session.SessionId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MeRun_AtAbsoluteExpiry_Answers401()
    {
        var (session, _) = _unit.StartSession();
        _unit.Clock.SetUtcNow(session.AbsoluteExpiresAt);

        var response = await Me(new AuthenticatedUser(FunctionUnit.UserId, session.SessionId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RegisterRun_ValidRequest_Answers201WithTheNewUser()
    {
        var response = await Register(new { email = "  Bob@Example.com ", password = FunctionUnit.Password, displayName = " Bob " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Bob@Example.com", response.BodyJson.GetProperty("email").GetString());
        Assert.Equal("Bob", response.BodyJson.GetProperty("displayName").GetString());
        Assert.NotNull(_unit.Users["bob@example.com"]);
    }

    [Fact]
    public async Task RegisterRun_EmailTaken_Answers409()
    {
        _unit.SeedAlice();

        var response = await Register(new { email = FunctionUnit.Email, password = FunctionUnit.Password });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("An account with this email already exists.", response.BodyJson.GetProperty("detail").GetString());
        Assert.Equal(ProblemResponses.ContentType, response.Header("Content-Type"));
    }

    [Fact]
    public async Task RegisterRun_InvalidFields_Answers400NamingEach()
    {
        var response = await Register(new { email = "not-an-email", password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The registration is invalid.", response.BodyJson.GetProperty("detail").GetString());
        var errors = response.BodyJson.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
        Assert.Equal(0, _unit.Users.RoundTrips);
    }

    [Fact]
    public async Task RegisterRun_BodyNotJson_Answers415()
    {
        var (context, request) = FunctionUnit.Post(RegisterUrl, json: null, caller: null, HttpUnit.Header("Content-Type", "text/plain"));

        var response = (TestHttpResponseData)await _register.Run(request, context);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public void FavMoviesRun_Always_Answers200WithTheList()
    {
        var request = HttpUnit.Request();

        var response = (TestHttpResponseData)FavMoviesFunction.Run(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Avatar", "Avengers"], response.BodyJson.EnumerateArray().Select(e => e.GetString()));
    }
}
