using System.Net;
using FuncAuth.Auth;
using FuncAuth.Http;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Functions;
using FuncAuth.Tokens;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FuncAuth.Tests.Http;

public sealed class AuthenticationMiddlewareTests
{
    private const string Protected = "FuncAuth.Users.FavMoviesFunction.Run";
    private const string Anonymous = "FuncAuth.Sessions.LogoutFunction.Run";

    private readonly FakeTimeProvider _clock = TestAuth.Clock();
    private readonly AccessTokenService _tokens;
    private readonly AuthenticationMiddleware _middleware;
    private readonly AuthenticatedUser _alice = new("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210");

    public AuthenticationMiddlewareTests()
    {
        var options = Options.Create(TestAuth.Options());
        _tokens = TestAuth.AccessTokens(options.Value, _clock);
        _middleware = new AuthenticationMiddleware(_tokens, new AuthCookies(options, _clock), new ProtectedFunctions(), NullLogger<AuthenticationMiddleware>.Instance);
    }

    private async Task<(bool Ran, AuthenticatedUser? Caller, TestHttpResponseData? Response)> Invoke(string entryPoint, params KeyValuePair<string, string>[] headers)
    {
        var context = HttpUnit.Context(entryPoint);
        var request = HttpUnit.Request(headers: headers, context: context);
        var ran = false;
        AuthenticatedUser? caller = null;
        await _middleware.Invoke(context, ctx =>
        {
            ran = true;
            caller = ctx.GetAuthenticatedUser();

            // What a function does: answer 200 with a header of its own.
            var response = request.CreateResponse(HttpStatusCode.OK);
            response.Headers.Add("X-Function", "ran");
            ctx.GetInvocationResult().Value = response;
            return Task.CompletedTask;
        });
        return (ran, caller, context.Bindings.InvocationResult as TestHttpResponseData);
    }

    [Fact]
    public async Task Invoke_ValidCookieOnProtectedFunction_RunsItWithTheCaller()
    {
        var token = _tokens.Issue(_alice).Token;

        var (ran, caller, response) = await Invoke(Protected, HttpUnit.Header("Cookie", $"auth-cookie={token}"));

        Assert.True(ran);
        Assert.Equal(_alice, caller);
        Assert.Equal("ran", response!.Header("X-Function"));
    }

    [Fact]
    public async Task Invoke_ValidBearerOnProtectedFunction_RunsItWithTheCaller()
    {
        var (ran, caller, _) = await Invoke(Protected, HttpUnit.Header("Authorization", "Bearer " + _tokens.Issue(_alice).Token));

        Assert.True(ran);
        Assert.Equal(_alice, caller);
    }

    [Fact]
    public async Task Invoke_NoTokenOnProtectedFunction_Answers401WithoutRunningIt()
    {
        var (ran, _, response) = await Invoke(Protected);

        Assert.False(ran);
        Assert.Equal(HttpStatusCode.Unauthorized, response!.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal("Bearer", response.Header("WWW-Authenticate"));
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    public async Task Invoke_MalformedAuthorizationHeader_AuthenticatesNobodyEvenWithAValidCookie(string header)
    {
        var cookie = $"auth-cookie={_tokens.Issue(_alice).Token}";

        var (ran, _, response) = await Invoke(Protected, HttpUnit.Header("Authorization", header), HttpUnit.Header("Cookie", cookie));

        Assert.False(ran);
        Assert.Equal(HttpStatusCode.Unauthorized, response!.StatusCode);
    }

    [Fact]
    public async Task Invoke_NoTokenOnAnonymousFunction_RunsItAnonymously()
    {
        var (ran, caller, response) = await Invoke(Anonymous);

        Assert.True(ran);
        Assert.Null(caller);
        Assert.Null(response!.Header("Cache-Control"));
    }

    [Fact]
    public async Task Invoke_ProtectedFunctionAnswer_MarkedNoStore()
    {
        var (_, _, response) = await Invoke(Protected, HttpUnit.Header("Cookie", $"auth-cookie={_tokens.Issue(_alice).Token}"));

        Assert.Equal(("ran", "no-store"), (response!.Header("X-Function"), response.Header("Cache-Control")));
    }

    [Fact]
    public async Task Invoke_AnonymousFunctionCalledWithAValidToken_MarkedNoStore()
    {
        var (_, caller, response) = await Invoke(Anonymous, HttpUnit.Header("Cookie", $"auth-cookie={_tokens.Issue(_alice).Token}"));

        Assert.Equal(_alice, caller);
        Assert.Equal("no-store", response!.Header("Cache-Control"));
    }

    [Fact]
    public async Task Invoke_InvalidTokenOnAnonymousFunction_RunsItAnonymously()
    {
        var (ran, caller, _) = await Invoke(Anonymous, HttpUnit.Header("Cookie", "auth-cookie=garbage"));

        Assert.True(ran);
        Assert.Null(caller);
    }

    [Fact]
    public async Task Invoke_TokenAtExpiryPlusSkew_IsRefusedButOneSecondBeforeIsAccepted()
    {
        var token = _tokens.Issue(_alice).Token;
        var cookie = HttpUnit.Header("Cookie", $"auth-cookie={token}");

        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(30) - TimeSpan.FromSeconds(1));
        Assert.True((await Invoke(Protected, cookie)).Ran);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var (ran, _, response) = await Invoke(Protected, cookie);
        Assert.False(ran);
        Assert.Equal("Bearer error=\"invalid_token\"", response!.Header("WWW-Authenticate"));
    }

    [Theory]
    [InlineData(Protected, true)]
    [InlineData("FuncAuth.Sessions.MeFunction.Run", true)]
    [InlineData("FuncAuth.Sessions.LogoutAllFunction.Run", true)]
    [InlineData("FuncAuth.Sessions.LoginFunction.Run", false)]
    [InlineData("FuncAuth.Health.HealthFunction.Run", false)]
    [InlineData("FuncAuth.Nope.Missing.Run", true)]
    [InlineData("garbage", true)]
    [InlineData(".Run", true)]
    [InlineData("FuncAuth.Sessions.LoginFunction.NoSuchMethod", true)]
    public void IsProtected_EntryPoints_FollowTheAttributeAndFailClosed(string entryPoint, bool expected) =>
        Assert.Equal(expected, new ProtectedFunctions().IsProtected(new TestFunctionDefinition("f", entryPoint)));
}
