using System.Net;
using System.Net.Http.Json;
using System.Text;
using FuncAuth.EndToEndTests.Api;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>Clients whose body does not match their Content-Length: none may crash the DevHost, hang it, or reach the worker with a partial body.</summary>
[Collection(DevHostCollection.Name)]
public sealed class MisframedBodyTests(DevHostFixture fixture)
{
    private DevHostProcess Host => fixture.Host;

    [Fact]
    public async Task ABodyThatEndsShortOfItsContentLengthNeverReachesTheWorkerAndTheDevHostServesOn()
    {
        var marker = WorkerInvocations.NewMarker();

        // 10 declared, 5 sent, then the client stops sending: Kestrel treats the half-close as the end of the connection.
        var response = await RawHttp.SendAsync(
            Host.Port,
            $"POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\nX-Test: {marker}",
            "hello"u8.ToArray(),
            finishSending: true);

        Assert.True(response.Status is null or (>= 400 and < 500), response.Raw);
        await WorkerInvocations.AssertNeverInvokedAsync(Host, marker);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task ABodyThatStallsShortOfItsContentLengthIsA408AndNeverReachesTheWorker()
    {
        var marker = WorkerInvocations.NewMarker();

        // 10 declared, 5 sent, then silence with the connection open: Kestrel's MinRequestBodyDataRate ends the wait.
        var response = await RawHttp.SendAsync(
            Host.Port,
            $"POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\nX-Test: {marker}",
            "hello"u8.ToArray());

        Assert.Equal("The request body arrived too slowly.", response.AssertProblem(408));
        await WorkerInvocations.AssertNeverInvokedAsync(Host, marker);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task BytesBeyondContentLengthAreNotPartOfTheBody()
    {
        // 5 declared, more sent: the function gets exactly 5 bytes; the rest is read as a next request, which is garbage (400).
        var response = await RawHttp.SendAsync(
            Host.Port,
            "POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 5",
            Encoding.ASCII.GetBytes("helloEXTRA BYTES THAT ARE NOT HTTP\r\n\r\n"));

        Assert.True(response.Status == 201, response.Raw);
        Assert.Contains("\"Body\":\"hello\"", response.Body);
        Assert.DoesNotContain("EXTRA", response.Body);
        Assert.DoesNotContain("HTTP/1.1 5", response.Raw);
        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        using var response = await fixture.Client.PostAsync("api/echo", new StringContent("still here"));
        var echo = await response.Content.ReadFromJsonAsync<EchoResponse>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("still here", echo!.Body);
    }
}
