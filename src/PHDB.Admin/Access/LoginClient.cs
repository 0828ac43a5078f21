using System.Net;
using System.Net.Sockets;

namespace PHDB.Admin.Access;

/// <summary>
/// Who is trying to log in, as the rate limiter and the lockout count them: the connection's remote address (an
/// IPv4 address, or an IPv6 address's /64 network, which one subscriber usually holds whole). Behind a reverse proxy
/// this is the proxy unless forwarded headers are configured to rewrite the remote address.
/// </summary>
public static class LoginClient
{
    /// <summary>The key of the client that sent <paramref name="context"/>'s request.</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Connection.RemoteIpAddress);
    }

    /// <summary>The key of a client at <paramref name="address"/> (<c>unknown</c> without one).</summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
