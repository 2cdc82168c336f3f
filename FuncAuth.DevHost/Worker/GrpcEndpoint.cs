using System.Net;
using System.Net.Sockets;

namespace FuncAuth.DevHost.Worker;

/// <summary>The loopback port of the worker-facing gRPC endpoint (cleartext HTTP/2 only).</summary>
public sealed record GrpcEndpoint(int Port)
{
    /// <summary>Picks a free loopback port, as the host does (WorkerUtilities.GetUnusedTcpPort).</summary>
    public static GrpcEndpoint OnFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new GrpcEndpoint(((IPEndPoint)listener.LocalEndpoint).Port);
    }
}
