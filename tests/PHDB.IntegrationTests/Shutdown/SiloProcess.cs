using System.Diagnostics;
using System.Globalization;
using System.Text;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Shutdown;

/// <summary>
/// The built silo (<c>PHDB.Silo.dll</c>) run as its own process, configured by environment the way the AppHost
/// configures it (database, API, ports, no automatic harvest), with its output kept for failure messages.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TemporaryDirectory exports = new("phdb-silo-exports-");
    private readonly Uri address;

    private SiloProcess(string connectionString)
    {
        address = new Uri($"http://127.0.0.1:{LoopbackPort.Next()}/");
        // A test run started in the background inherits SIGINT ignored, and an ignored SIGINT stays ignored across
        // exec: the silo is started with SIGINT and SIGQUIT back at their defaults, as a terminal's would be.
        var start = new ProcessStartInfo("/usr/bin/env")
        {
            ArgumentList = { "--default-signal=INT,QUIT", "dotnet", BuiltAssembly() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = address.ToString(),
                ["ConnectionStrings__phdb"] = connectionString,
                ["ProductHunt__BaseAddress"] = $"http://127.0.0.1:{LoopbackPort.Next()}/",
                ["ProductHunt__Token"] = "phdb-test-token",
                ["Harvest__StartAutomatically"] = "false",
                ["Export__Directory"] = exports.Path,
                ["Orleans__SiloPort"] = LoopbackPort.Next().ToString(CultureInfo.InvariantCulture),
                ["Orleans__GatewayPort"] = LoopbackPort.Next().ToString(CultureInfo.InvariantCulture),
            },
        };
        process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
    }

    /// <summary>What the silo printed so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The exit code, once the process has ended.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Starts a silo on <paramref name="connectionString"/> and waits until its <c>/health</c> answers 200.</summary>
    public static async Task<SiloProcess> StartHealthyAsync(
        string connectionString,
        CancellationToken cancellationToken
    )
    {
        var silo = new SiloProcess(connectionString);
        silo.process.Start();
        silo.process.BeginOutputReadLine();
        silo.process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = silo.address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(
            async () =>
            {
                Assert.False(silo.process.HasExited, $"The silo exited while starting:\n{silo.Output}");
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                return response.IsSuccessStatusCode;
            },
            TimeSpan.FromSeconds(120),
            "the silo healthy (joined the cluster)",
            TimeSpan.FromMilliseconds(500)
        );
        return silo;
    }

    /// <summary>Sends <paramref name="signal"/> (<c>TERM</c>, <c>INT</c>) and returns how long the process took to exit.</summary>
    public async Task<TimeSpan> StopAsync(string signal, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Assert.True(
            await PostgresProcesses.SignalAsync(signal, [process.Id], cancellationToken),
            $"kill -{signal} {process.Id} failed"
        );
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail(
                $"The silo was still running {limit.TotalSeconds:0} s after SIG{signal}. Its output:\n{Output}"
            );
        }

        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        exports.Dispose();
    }

    private static string BuiltAssembly()
    {
        // PHDB_SILO_ASSEMBLY runs the cases against another build of the silo (e.g. one from before a change).
        if (Environment.GetEnvironmentVariable("PHDB_SILO_ASSEMBLY") is { Length: > 0 } other)
        {
            return other;
        }

        // The silo's own build output (the project references it for build order only), same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (File.Exists(Path.Join(directory.FullName, "PHDB.sln")))
            {
                var built = Path.Join(
                    directory.FullName,
                    "src",
                    "PHDB.Silo",
                    "bin",
                    configuration,
                    "net10.0",
                    "PHDB.Silo.dll"
                );
                return File.Exists(built)
                    ? built
                    : throw new FileNotFoundException("PHDB.Silo.dll is not built", built);
            }
        }

        throw new InvalidOperationException("PHDB.sln not found above " + AppContext.BaseDirectory);
    }
}
