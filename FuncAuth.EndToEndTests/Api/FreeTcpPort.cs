using System.Net;
using System.Net.Sockets;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>A loopback port nothing listens on right now (the small race with other processes is acceptable in tests).</summary>
public static class FreeTcpPort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
