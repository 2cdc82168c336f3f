using System.Net;
using FuncAuth.EndToEndTests.Api;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>
/// DNS rebinding: a page on attacker.example whose name is re-pointed at 127.0.0.1 reaches the DevHost with
/// <c>Host: attacker.example</c>. Only loopback names may pass, and a refused request must never reach the worker.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class HostHeaderTests(DevHostFixture fixture)
{
    private DevHostProcess Host => fixture.Host;

    [Theory]
    [InlineData("attacker.example:{port}")]
    [InlineData("attacker.example")]
    [InlineData("localhost.attacker.example:{port}")]
    [InlineData("127.0.0.1.nip.io:{port}")]
    [InlineData("192.168.1.10:{port}")]
    [InlineData("10.0.0.1")]
    [InlineData("0.0.0.0:{port}")]
    [InlineData("[::2]:{port}")]
    [InlineData("[::ffff:127.0.0.1]:{port}")]
    [InlineData("127.1:{port}")]
    [InlineData("2130706433:{port}")]
    [InlineData("localhost.:{port}")]
    [InlineData("")]
    public async Task AForeignHostIsA400ProblemAndNeverReachesTheWorker(string host)
    {
        var marker = WorkerInvocations.NewMarker();

        var response = await SendAsync(host.Replace("{port}", Host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), marker);

        Assert.Contains("DNS rebinding", response.AssertProblem(400));
        Assert.Equal("close", response.Headers["Connection"]);
        await WorkerInvocations.AssertNeverInvokedAsync(Host, marker);
    }

    /// <summary>Kestrel refuses some of these itself (400, empty body) before the DevHost's filter runs; either way, 400.</summary>
    [Theory]
    [InlineData("localhost:")]
    [InlineData("localhost:abc")]
    [InlineData("localhost:99999")]
    [InlineData("localhost:{port}:{port}")]
    [InlineData("[::1")]
    [InlineData("[::1]x")]
    [InlineData("user@localhost:{port}")]
    public async Task AMalformedHostIsA400AndNeverReachesTheWorker(string host)
    {
        var marker = WorkerInvocations.NewMarker();

        var response = await SendAsync(host.Replace("{port}", Host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), marker);

        Assert.True(response.Status == 400, response.Raw);
        await WorkerInvocations.AssertNeverInvokedAsync(Host, marker);
    }

    [Fact]
    public async Task AnHttp10RequestWithoutHostIsA400AndNeverReachesTheWorker()
    {
        var marker = WorkerInvocations.NewMarker();

        var response = await RawHttp.SendAsync(Host.Port, $"GET /api/echo HTTP/1.0\r\nX-Test: {marker}");

        response.AssertProblem(400);
        await WorkerInvocations.AssertNeverInvokedAsync(Host, marker);
    }

    [Fact]
    public async Task AnAbsoluteUrlNamingAForeignHostIsA400AndNeverReachesTheWorker()
    {
        var marker = WorkerInvocations.NewMarker();

        var response = await RawHttp.SendAsync(
            Host.Port,
            $"GET http://attacker.example/api/echo HTTP/1.1\r\nHost: 127.0.0.1:{Host.Port}\r\nX-Test: {marker}\r\nConnection: close");

        Assert.Equal(400, response.Status);
        await WorkerInvocations.AssertNeverInvokedAsync(Host, marker);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost:{port}")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("127.255.0.9:{port}")]
    [InlineData("[::1]")]
    [InlineData("[::1]:{port}")]
    public async Task ALoopbackHostReachesTheWorker(string host)
    {
        var marker = WorkerInvocations.NewMarker();

        var response = await SendAsync(host.Replace("{port}", Host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), marker);

        Assert.True(response.Status == 201, response.Raw);
        await WorkerInvocations.WaitForAsync(Host, WorkerInvocations.LogLine(marker));
    }

    [Fact]
    public async Task HttpClientRequestsToLocalhostAndTheLoopbackIpPass()
    {
        using var client = new HttpClient();

        using var byName = await client.GetAsync($"http://localhost:{Host.Port}/api/hello");
        using var byIp = await client.GetAsync($"http://127.0.0.1:{Host.Port}/api/hello");

        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byIp.StatusCode);
    }

    private Task<RawHttpResponse> SendAsync(string host, string marker) =>
        RawHttp.SendAsync(Host.Port, $"GET /api/echo HTTP/1.1\r\nHost: {host}\r\nX-Test: {marker}\r\nConnection: close");
}
