using System.Net;
using FuncAuth.Http;
using FuncAuth.Passwords;
using FuncAuth.Storage;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.Logging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Tests.Http;

public sealed class ExceptionMiddlewareTests
{
    private readonly RecordingLogger<ExceptionMiddleware> _logger = new();

    private async Task<TestHttpResponseData?> Invoke(Exception thrown)
    {
        var context = HttpUnit.Context();
        HttpUnit.Request(context: context);
        await new ExceptionMiddleware(_logger).Invoke(context, _ => throw thrown);
        return context.Bindings.InvocationResult as TestHttpResponseData;
    }

    [Fact]
    public async Task Invoke_NothingThrown_LeavesTheFunctionsAnswer()
    {
        var context = HttpUnit.Context();
        var request = HttpUnit.Request(context: context);
        var ran = false;

        await new ExceptionMiddleware(_logger).Invoke(context, ctx =>
        {
            ran = true;
            ctx.GetInvocationResult().Value = request.CreateResponse(HttpStatusCode.NoContent);
            return Task.CompletedTask;
        });

        Assert.True(ran);
        Assert.Equal(HttpStatusCode.NoContent, ((TestHttpResponseData)context.Bindings.InvocationResult!).StatusCode);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task Invoke_HashingBusy_Answers503WithItsRetryAfter()
    {
        var response = await Invoke(new PasswordHashingBusyException(TimeSpan.FromSeconds(3)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response!.StatusCode);
        Assert.Equal("3", response.Header("Retry-After"));
        Assert.Equal("The service is busy checking other passwords; try again shortly.", response.BodyJson.GetProperty("detail").GetString());
        Assert.Equal([1605], _logger.EventIds);
    }

    [Fact]
    public async Task Invoke_StorageUnavailableWrappedInAnother_Answers503WithTheStorageRetryAfter()
    {
        var response = await Invoke(new AggregateException(new StorageUnavailableException("down")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response!.StatusCode);
        Assert.Equal(((long)ExceptionMiddleware.StorageRetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("Retry-After"));
        Assert.Equal("Storage is unavailable; try again shortly.", response.BodyJson.GetProperty("detail").GetString());
        Assert.Equal([1603], _logger.EventIds);
    }

    [Fact]
    public async Task Invoke_AnyOtherException_Answers500WithoutItsMessage()
    {
        var response = await Invoke(new InvalidOperationException("secret detail at line 42"));

        Assert.Equal(HttpStatusCode.InternalServerError, response!.StatusCode);
        Assert.Equal(ProblemResponses.ContentType, response.Header("Content-Type"));
        Assert.Equal("An unexpected error occurred.", response.BodyJson.GetProperty("detail").GetString());
        Assert.Equal("Internal Server Error", response.BodyJson.GetProperty("title").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.6.1", response.BodyJson.GetProperty("type").GetString());
        Assert.DoesNotContain("secret", response.BodyText, StringComparison.Ordinal);
        Assert.Equal([1604], _logger.EventIds);
    }

    [Fact]
    public async Task Invoke_NoHttpRequest_Rethrows()
    {
        var context = HttpUnit.Context();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => new ExceptionMiddleware(_logger).Invoke(context, _ => throw new InvalidOperationException("timer")));
    }
}
