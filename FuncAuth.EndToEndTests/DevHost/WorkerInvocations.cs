using FuncAuth.EndToEndTests.Api;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>
/// Whether a request reached the worker, from the DevHost's output: the sample's echo function logs
/// <c>echo invoked, x-test: &lt;X-Test header&gt;</c>, and the DevHost forwards the worker's logs in order.
/// </summary>
public static class WorkerInvocations
{
    public static string NewMarker() => "marker-" + Guid.NewGuid().ToString("N");

    public static string LogLine(string marker) => $"echo invoked, x-test: {marker}";

    /// <summary>
    /// Sends a request that does reach echo and waits for its log line: the worker would have logged
    /// <paramref name="marker"/> before it, so its absence afterwards means the worker never saw that request.
    /// </summary>
    public static async Task AssertNeverInvokedAsync(DevHostProcess host, string marker)
    {
        var barrier = NewMarker();
        var response = await RawHttp.SendAsync(host.Port, $"GET /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Test: {barrier}\r\nConnection: close");
        Assert.Equal(201, response.Status);
        await WaitForAsync(host, LogLine(barrier));

        Assert.DoesNotContain(LogLine(marker), host.Output);
    }

    public static async Task WaitForAsync(DevHostProcess host, string text)
    {
        using var limit = new CancellationTokenSource(RawHttp.HangLimit);
        while (!host.Output.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
