using System.Net;
using FuncAuth.Auth;
using FuncAuth.Http;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.Logging;
using FuncAuth.Tokens;
using Microsoft.Extensions.Options;

namespace FuncAuth.Tests.Http;

/// <summary>What the 401 says (no token versus a bad one), what is logged, and invocations that are not HTTP.</summary>
public sealed class AuthenticationMiddlewareAnswerTests
{
    private const string Protected = "FuncAuth.Users.FavMoviesFunction.Run";

    private readonly AccessTokenService _tokens;
    private readonly RecordingLogger<AuthenticationMiddleware> _logger = new();
    private readonly AuthenticationMiddleware _middleware;

    public AuthenticationMiddlewareAnswerTests()
    {
        var clock = TestAuth.Clock();
        var options = Options.Create(TestAuth.Options());
        _tokens = TestAuth.AccessTokens(options.Value, clock);
        _middleware = new AuthenticationMiddleware(_tokens, new AuthCookies(options, clock), new ProtectedFunctions(), _logger);
    }

    private async Task<TestHttpResponseData> Refused(params KeyValuePair<string, string>[] headers)
    {
        var context = HttpUnit.Context(Protected);
        HttpUnit.Request(headers: headers, context: context);
        await _middleware.Invoke(context, _ => throw new InvalidOperationException("must not run"));
        return (TestHttpResponseData)context.Bindings.InvocationResult!;
    }

    [Fact]
    public async Task Invoke_NoToken_SaysSignInAndLogsNothing()
    {
        var response = await Refused();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Sign in first: no access token was presented.", response.BodyJson.GetProperty("detail").GetString());
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task Invoke_InvalidToken_SaysInvalidAndLogsIt()
    {
        var response = await Refused(HttpUnit.Header("Authorization", "Bearer not-a-token"));

        Assert.Equal("The access token is invalid or has expired.", response.BodyJson.GetProperty("detail").GetString());
        Assert.Equal("Bearer error=\"invalid_token\"", response.Header("WWW-Authenticate"));
        Assert.Equal([1601], _logger.EventIds);
        Assert.DoesNotContain("not-a-token", _logger.Entries[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ValidToken_LogsNothing()
    {
        var context = HttpUnit.Context(Protected);
        HttpUnit.Request(headers: [HttpUnit.Header("Authorization", "Bearer " + _tokens.Issue(new AuthenticatedUser("u", "s")).Token)], context: context);

        await _middleware.Invoke(context, _ => Task.CompletedTask);

        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task Invoke_NotAnHttpInvocation_RunsTheFunctionUntouched()
    {
        var context = HttpUnit.Context(Protected);
        var ran = false;

        await _middleware.Invoke(context, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
        Assert.Null(context.Bindings.InvocationResult);
    }
}
