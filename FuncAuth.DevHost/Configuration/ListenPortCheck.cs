using System.Net;
using System.Net.Sockets;

namespace FuncAuth.DevHost.Configuration;

/// <summary>
/// Core Tools' <c>NetworkHelpers.IsPortAvailable</c> check before start-up: a taken port is reported as one line
/// instead of Kestrel's bind failure with a stack trace. (A process that takes the port in between still gets Kestrel's error.)
/// </summary>
public static class ListenPortCheck
{
    public static void EnsureFree(DevHostOptions options)
    {
        var address = options.Address == "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Address);
        try
        {
            // Bind without listening: a listening probe would accept a client's connection for a moment before
            // Kestrel takes the port, and that client's request would then be refused.
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, options.Port));
        }
        catch (SocketException e)
        {
            throw new DevHostConfigurationException(
                $"cannot listen on {options.BaseUrl} ({e.SocketErrorCode}): stop the process using port {options.Port} or pass another --port.");
        }
    }
}
