using System.Diagnostics;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Network;

/// <summary>
/// A built PHDB host (<c>dotnet &lt;project&gt;.dll</c>) run inside a network namespace (<c>ip netns exec</c>),
/// configured by environment variables only, with its output kept for failure messages.
/// </summary>
internal sealed class NamespacedHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly ProcessOutput output = new();

    private NamespacedHost(string project, string space, Uri address, IReadOnlyDictionary<string, string?> settings)
    {
        Name = $"{project} in {space}";
        Address = address;
        var directory = BuildOutput.Of(project);
        var start = new ProcessStartInfo("ip")
        {
            ArgumentList =
            {
                "netns",
                "exec",
                space,
                "/usr/bin/env",
                "--default-signal=INT,QUIT",
                "dotnet",
                Path.Join(directory, project + ".dll"),
            },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.ToList())
        {
            // Only the test's settings, never the machine's.
            if (
                key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("OTEL_", StringComparison.Ordinal)
                || key.StartsWith("Orleans__", StringComparison.OrdinalIgnoreCase)
                // A proxy of the machine's is out of reach inside a namespace.
                || key.Contains("proxy", StringComparison.OrdinalIgnoreCase)
            )
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = new Process { StartInfo = start };
        output.Follow(process);
    }

    /// <summary>Project and namespace, for messages.</summary>
    public string Name { get; }

    /// <summary>The host's HTTP address (inside its namespace, reached over the bridge).</summary>
    public Uri Address { get; }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>What the host printed so far.</summary>
    public string Output => output.ToString();

    /// <summary>Starts <paramref name="project"/> in namespace <paramref name="space"/>, serving HTTP on <paramref name="address"/>.</summary>
    public static NamespacedHost Start(
        string project,
        string space,
        Uri address,
        IReadOnlyDictionary<string, string?> settings
    )
    {
        var host = new NamespacedHost(project, space, address, settings);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until <c>/health</c> answers 200, at most 180 s.</summary>
    public async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(5),
        };
        await Eventually.HoldsAsync(
            async () =>
            {
                Assert.False(process.HasExited, $"{Name} exited while starting:\n{Output}");
                try
                {
                    using var response = await http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(180),
            $"{Name} healthy",
            TimeSpan.FromMilliseconds(500)
        );
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
