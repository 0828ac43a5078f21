using System.Net;
using System.Net.Sockets;

namespace PHDB.Testing;

/// <summary>Free TCP ports on 127.0.0.1.</summary>
public static class LoopbackPort
{
    /// <summary>A port no one listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
