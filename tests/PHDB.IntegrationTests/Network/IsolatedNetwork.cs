using System.Diagnostics;
using System.Globalization;
using System.Net;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Network;

/// <summary>
/// Hosts on one machine as if on several: a bridge (<see cref="BridgeAddress"/>, where PostgreSQL and the simulator
/// listen) and one network namespace per host, joined to the bridge by a veth link, with addresses from
/// <see cref="Subnet"/> that exist only there. No namespace has a route beyond the subnet. Removed on dispose; names are
/// fixed so that what a killed run left behind is removed before the next one starts. Needs root.
/// </summary>
internal sealed class IsolatedNetwork : IAsyncDisposable
{
    /// <summary>The benchmarking range of RFC 2544: never routed on the internet.</summary>
    public const string Subnet = "198.18.0.0/24";

    private const string Bridge = "phdbbr0";
    private const string Prefix = "phdb-";

    private readonly List<string> hosts = [];

    private IsolatedNetwork() { }

    /// <summary>The bridge's address, on the machine's side.</summary>
    public static IPAddress BridgeAddress { get; } = IPAddress.Parse("198.18.0.1");

    /// <summary>Whether this process may create namespaces and links: root, with <c>ip</c> on the path.</summary>
    public static bool CanCreate =>
        Environment.UserName == "root"
        && (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Join(directory, "ip")));

    /// <summary>Creates the bridge, after removing whatever an earlier run left.</summary>
    public static async Task<IsolatedNetwork> CreateAsync(CancellationToken cancellationToken)
    {
        await RemoveLeftoversAsync(cancellationToken);
        var network = new IsolatedNetwork();
        try
        {
            await IpAsync(cancellationToken, "link", "add", Bridge, "type", "bridge");
            await IpAsync(cancellationToken, "addr", "add", $"{BridgeAddress}/24", "dev", Bridge);
            await IpAsync(cancellationToken, "link", "set", Bridge, "up");
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>The namespace of host <paramref name="name"/> (e.g. <c>silo1</c>).</summary>
    public static string Namespace(string name) => Prefix + name;

    /// <summary>
    /// Adds host <paramref name="name"/>: its namespace, a veth link to the bridge and address 198.18.0.<paramref name="number"/>.
    /// </summary>
    public async Task<IPAddress> AddHostAsync(string name, int number, CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"198.18.0.{number}"));
        var space = Namespace(name);
        hosts.Add(name);
        await IpAsync(cancellationToken, "netns", "add", space);
        await IpAsync(
            cancellationToken,
            "link",
            "add",
            Link(name),
            "type",
            "veth",
            "peer",
            "name",
            "eth0",
            "netns",
            space
        );
        await IpAsync(cancellationToken, "link", "set", Link(name), "master", Bridge, "up");
        await IpAsync(cancellationToken, "-n", space, "addr", "add", $"{address}/24", "dev", "eth0");
        await IpAsync(cancellationToken, "-n", space, "link", "set", "eth0", "up");
        await IpAsync(cancellationToken, "-n", space, "link", "set", "lo", "up");
        return address;
    }

    /// <summary>Cuts host <paramref name="name"/>'s link to the bridge, as a pulled cable would.</summary>
    public Task CutAsync(string name, CancellationToken cancellationToken) =>
        hosts.Contains(name)
            ? IpAsync(cancellationToken, "link", "set", Link(name), "down")
            : throw new ArgumentException($"No host {name} on this network.", nameof(name));

    /// <summary>The routes of host <paramref name="name"/>'s namespace (<c>ip route</c>).</summary>
    public static async Task<string> RoutesAsync(string name, CancellationToken cancellationToken) =>
        (await IpAsync(cancellationToken, "-n", Namespace(name), "route", "show", "table", "all")).Output;

    /// <summary>Whether host <paramref name="name"/> has a route to <paramref name="destination"/>.</summary>
    public static async Task<bool> RoutesToAsync(
        string name,
        IPAddress destination,
        CancellationToken cancellationToken
    ) =>
        (await RunAsync(cancellationToken, "-n", Namespace(name), "route", "get", destination.ToString())).ExitCode
        == 0;

    /// <summary>The links enslaved to the bridge: only the hosts' veth links.</summary>
    public static async Task<IReadOnlyList<string>> BridgeMembersAsync(CancellationToken cancellationToken) =>
        (await IpAsync(cancellationToken, "-o", "link", "show", "master", Bridge))
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':')[1].Trim().Split('@')[0])
            .ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var name in hosts)
        {
            // Deleting the link here removes both its ends at once; a namespace's are removed later, by the kernel.
            await RunAsync(CancellationToken.None, "link", "del", Link(name));
            await RunAsync(CancellationToken.None, "netns", "del", Namespace(name));
        }

        await RunAsync(CancellationToken.None, "link", "del", Bridge);
    }

    private static string Link(string name) => "phv-" + name;

    private static async Task RemoveLeftoversAsync(CancellationToken cancellationToken)
    {
        var spaces = await RunAsync(cancellationToken, "netns", "list");
        foreach (var line in spaces.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.Split(' ')[0];
            if (space.StartsWith(Prefix, StringComparison.Ordinal))
            {
                await RunAsync(cancellationToken, "netns", "del", space);
            }
        }

        var links = await RunAsync(cancellationToken, "-o", "link", "show");
        foreach (var line in links.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var link = line.Split(':')[1].Trim().Split('@')[0];
            if (link.StartsWith(Link(""), StringComparison.Ordinal))
            {
                await RunAsync(cancellationToken, "link", "del", link);
            }
        }

        await RunAsync(cancellationToken, "link", "del", Bridge);
    }

    private static async Task<ProcessResult> IpAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await RunAsync(cancellationToken, arguments);
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed: {result}");
    }

    private static Task<ProcessResult> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("ip");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return ProcessRun.RunAsync(start, null, TimeSpan.FromSeconds(20), cancellationToken);
    }
}
