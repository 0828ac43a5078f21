using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using PHDB.Runtime;

namespace PHDB.Silo;

/// <summary>
/// Chooses the silo-to-silo and gateway ports. Replicas of one project share their configuration, so unless
/// <c>Orleans:SiloPort</c>/<c>Orleans:GatewayPort</c> are set each silo takes free ports of its own; the
/// membership table tells everyone where they are.
/// </summary>
internal static class SiloEndpoints
{
    public static void Configure(EndpointOptions options, IConfiguration configuration)
    {
        var advertised = configuration["Orleans:AdvertisedAddress"];
        options.AdvertisedIPAddress = string.IsNullOrWhiteSpace(advertised)
            ? IPAddress.Loopback
            : IPAddress.Parse(advertised);
        options.SiloPort = configuration.GetValue<int?>("Orleans:SiloPort") ?? FreePort();
        options.GatewayPort = configuration.GetValue<int?>("Orleans:GatewayPort") ?? FreePort();
    }

    /// <summary>Whether <c>Orleans:AdvertisedAddress</c> is set to an address other hosts reach (not loopback).</summary>
    /// <exception cref="InvalidSettingException">The address is set but is not an IP address.</exception>
    public static bool IsReachableFromOtherHosts(IConfiguration configuration)
    {
        var advertised = configuration["Orleans:AdvertisedAddress"];
        if (string.IsNullOrWhiteSpace(advertised))
        {
            return false;
        }

        return IPAddress.TryParse(advertised, out var address)
            ? !IPAddress.IsLoopback(address)
            : throw new InvalidSettingException(
                "Orleans:AdvertisedAddress",
                "Orleans:AdvertisedAddress must be an IP address the other hosts reach this silo at, such as 10.0.0.5"
            );
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
