using System.Net;
using FuncAuth.EndToEndTests.Api;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>The default limit is the Functions host's 104,857,600 bytes, judged from Content-Length before a byte of body is read.</summary>
[Collection(DevHostCollection.Name)]
public sealed class BodyLimitTests(DevHostFixture fixture)
{
    private DevHostProcess Host => fixture.Host;

    [Theory]
    [InlineData("2147483647")]
    [InlineData("104857601")]
    [InlineData("9223372036854775807")]
    public async Task ADeclaredBodyOverTheHostLimitIsA413BeforeAnyByteIsSentAndTheDevHostServesOn(string contentLength)
    {
        var marker = WorkerInvocations.NewMarker();

        // Only the head is sent: an answer at all proves the DevHost decided without waiting for (or allocating) the body.
        var response = await RawHttp.SendAsync(
            Host.Port,
            $"POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: {contentLength}\r\nX-Test: {marker}");

        var detail = response.AssertProblem(413);
        Assert.Contains($"The request body is {contentLength} bytes; this DevHost accepts at most 104857600", detail);
        Assert.Equal("close", response.Headers["Connection"]);
        await WorkerInvocations.AssertNeverInvokedAsync(Host, marker);
        using var after = await fixture.Client.GetAsync("api/hello");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task ADeclaredBodyAtTheHostLimitIsNotRefusedButAwaited()
    {
        var marker = WorkerInvocations.NewMarker();

        // 104,857,600 declared and nothing sent: not a 413; the DevHost waits for the body until Kestrel's
        // MinRequestBodyDataRate gives up on it (408).
        var response = await RawHttp.SendAsync(
            Host.Port,
            $"POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 104857600\r\nX-Test: {marker}");

        response.AssertProblem(408);
        await WorkerInvocations.AssertNeverInvokedAsync(Host, marker);
    }
}
