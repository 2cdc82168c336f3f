using System.Net;
using FuncAuth.Http;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.Logging;
using Microsoft.Extensions.Options;

namespace FuncAuth.Tests.Http;

public sealed class CrossSiteRequestMiddlewareTests
{
    private readonly RecordingLogger<CrossSiteRequestMiddleware> _log = new();
    private readonly CrossSiteRequestMiddleware _middleware;

    public CrossSiteRequestMiddlewareTests() =>
        _middleware = new(new RequestOriginPolicy(Options.Create(TestAuth.Options(o => o.PublicOrigins = ["http://localhost:7071"]))), _log);

    private async Task<(bool Ran, TestHttpResponseData? Response)> Invoke(string method, string origin)
    {
        var context = HttpUnit.Context();
        HttpUnit.Request(method, headers: [HttpUnit.Header("Host", "localhost:7071"), HttpUnit.Header("Origin", origin)], context: context);
        var ran = false;
        await _middleware.Invoke(context, _ => { ran = true; return Task.CompletedTask; });
        return (ran, context.Bindings.InvocationResult as TestHttpResponseData);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Invoke_ForeignOriginOnStateChangingMethod_Answers403WithoutRunningTheFunction(string method)
    {
        var (ran, response) = await Invoke(method, "https://evil.example");

        Assert.False(ran);
        Assert.Equal(HttpStatusCode.Forbidden, response!.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public async Task Invoke_ForeignOriginOnSafeMethod_RunsTheFunction(string method)
    {
        var (ran, response) = await Invoke(method, "https://evil.example");

        Assert.True(ran);
        Assert.Null(response);
    }

    [Fact]
    public async Task Invoke_OwnOriginOnPost_RunsTheFunction()
    {
        var (ran, _) = await Invoke("POST", "http://localhost:7071");

        Assert.True(ran);
    }

    [Fact]
    public async Task Invoke_ForeignOriginOnPost_ExplainsAndLogsTheFunctionName()
    {
        var (_, response) = await Invoke("POST", "https://evil.example");

        Assert.Equal("Cross-site requests may not change state: the Origin is not allowed.", response!.BodyJson.GetProperty("detail").GetString());
        var entry = Assert.Single(_log.Entries);
        Assert.Equal(1602, entry.EventId);
        Assert.Contains("Test", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", entry.Message, StringComparison.Ordinal);
    }
}
