using System.Net;
using System.Net.Sockets;

namespace PHDB.AppHost;

/// <summary>Asks the operating system for a currently unused TCP port on 127.0.0.1.</summary>
internal static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
