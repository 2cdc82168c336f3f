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
            using var listener = new TcpListener(address, options.Port);
            listener.Start();
        }
        catch (SocketException e)
        {
            throw new DevHostConfigurationException(
                $"cannot listen on {options.BaseUrl} ({e.SocketErrorCode}): stop the process using port {options.Port} or pass another --port.");
        }
    }
}
