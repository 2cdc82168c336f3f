using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>
/// HTTP/1.x written by hand on a TCP connection, for what HttpClient will not send: a Content-Length the body does
/// not match, an empty or foreign Host header, an upload that stops half-way.
/// </summary>
public static class RawHttp
{
    /// <summary>Not a timing assertion: a server that neither answers nor closes within this long is hanging.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Writes <paramref name="head"/> (request line and header lines, without the blank line) and <paramref name="body"/>,
    /// half-closes the connection when <paramref name="finishSending"/>, then reads until the server closes it.
    /// </summary>
    public static async Task<RawHttpResponse> SendAsync(int port, string head, byte[]? body = null, bool finishSending = false)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\n\r\n"));
        await stream.WriteAsync(body ?? []);
        if (finishSending)
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
        }

        using var hang = new CancellationTokenSource(HangLimit);
        var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, hang.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The DevHost neither answered nor closed the connection within {HangLimit.TotalSeconds} s. So far:\n{Encoding.ASCII.GetString(received.ToArray())}");
        }
        catch (IOException)
        {
            // A reset after (or instead of) the answer: what arrived is the result.
        }

        return RawHttpResponse.Parse(Encoding.UTF8.GetString(received.ToArray()));
    }
}
