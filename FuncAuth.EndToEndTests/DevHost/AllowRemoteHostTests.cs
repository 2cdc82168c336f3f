using FuncAuth.EndToEndTests.Api;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>
/// With --allow-remote (here through DEVHOST_ALLOW_REMOTE, still listening on loopback only) any IP literal may be
/// the Host, since an IP literal cannot be rebound; names other than localhost are still refused.
/// </summary>
public sealed class AllowRemoteHostTests
{
    [Fact]
    public async Task UnderAllowRemoteAnIpLiteralHostPassesAndAForeignNameIsStillA400()
    {
        await using var host = DevHostProcess.Start(
            RepositoryLayout.SampleApp,
            new Dictionary<string, string?> { ["DEVHOST_ALLOW_REMOTE"] = "true" });
        await host.WaitUntilReadyAsync();

        var lanIp = await RawHttp.SendAsync(host.Port, $"GET /api/hello HTTP/1.1\r\nHost: 192.168.1.10:{host.Port}\r\nConnection: close");
        var lanV6 = await RawHttp.SendAsync(host.Port, $"GET /api/hello HTTP/1.1\r\nHost: [fd00::1]:{host.Port}\r\nConnection: close");
        var name = await RawHttp.SendAsync(host.Port, $"GET /api/hello HTTP/1.1\r\nHost: attacker.example:{host.Port}\r\nConnection: close");

        Assert.True(lanIp.Status == 200, lanIp.Raw);
        Assert.True(lanV6.Status == 200, lanV6.Raw);
        name.AssertProblem(400);
    }
}
