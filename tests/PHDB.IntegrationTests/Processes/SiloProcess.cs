using System.Diagnostics;
using System.Globalization;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Processes;

/// <summary>
/// The built silo (<c>PHDB.Silo.dll</c>) run as its own process, configured by environment the way the AppHost
/// configures it (database, API, ports, no automatic harvest), with its output kept for failure messages. A process of
/// its own can be stopped, frozen (SIGSTOP) and thawed like a silo in production.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ProcessOutput output = new();
    private readonly TemporaryDirectory exports = new("phdb-silo-exports-");
    private readonly Uri address;

    private SiloProcess(string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        address = new Uri($"http://127.0.0.1:{LoopbackPort.Next()}/");
        SiloPort = LoopbackPort.Next();
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
                ["Orleans__SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
                ["Orleans__GatewayPort"] = LoopbackPort.Next().ToString(CultureInfo.InvariantCulture),
            },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = new Process { StartInfo = start };
        output.Follow(process);
    }

    /// <summary>The process id, for signals.</summary>
    public int Id => process.Id;

    /// <summary>The silo-to-silo port: with the generation, the silo's row in the membership table.</summary>
    public int SiloPort { get; }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>What the silo printed so far.</summary>
    public string Output => output.ToString();

    /// <summary>The exit code, once the process has ended.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Starts a silo on <paramref name="connectionString"/> and waits until its <c>/health</c> answers 200.</summary>
    public static Task<SiloProcess> StartHealthyAsync(string connectionString, CancellationToken cancellationToken) =>
        StartHealthyAsync(connectionString, new Dictionary<string, string?>(), cancellationToken);

    /// <summary>
    /// Starts a silo on <paramref name="connectionString"/> with <paramref name="settings"/> (configuration keys such
    /// as <c>ProductHunt:BaseAddress</c>, over the defaults) and waits until its <c>/health</c> answers 200.
    /// </summary>
    public static async Task<SiloProcess> StartHealthyAsync(
        string connectionString,
        IReadOnlyDictionary<string, string?> settings,
        CancellationToken cancellationToken
    )
    {
        var silo = Start(connectionString, settings);
        try
        {
            await silo.WaitHealthyAsync(cancellationToken);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a silo on <paramref name="connectionString"/> with <paramref name="settings"/> over the defaults, without
    /// waiting for it: several silos then start side by side (<see cref="WaitHealthyAsync"/>).
    /// </summary>
    public static SiloProcess Start(string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        var silo = new SiloProcess(connectionString, settings);
        silo.process.Start();
        silo.process.BeginOutputReadLine();
        silo.process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Waits until the silo's <c>/health</c> answers 200 (it joined the cluster), at most 120 s.</summary>
    public async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(
            async () =>
            {
                Assert.False(process.HasExited, $"The silo exited while starting:\n{Output}");
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                return response.IsSuccessStatusCode;
            },
            TimeSpan.FromSeconds(120),
            "the silo healthy (joined the cluster)",
            TimeSpan.FromMilliseconds(500)
        );
    }

    /// <summary>Freezes the silo (SIGSTOP): it answers nothing, not even membership probes, until thawed.</summary>
    public async Task FreezeAsync(CancellationToken cancellationToken) =>
        Assert.True(
            await ProcessSignal.SendAsync("STOP", [process.Id], cancellationToken),
            $"kill -STOP {process.Id} failed"
        );

    /// <summary>Thaws what <see cref="FreezeAsync"/> froze (SIGCONT).</summary>
    public async Task ThawAsync(CancellationToken cancellationToken) =>
        Assert.True(
            await ProcessSignal.SendAsync("CONT", [process.Id], cancellationToken),
            $"kill -CONT {process.Id} failed"
        );

    /// <summary>Sends <paramref name="signal"/> (<c>TERM</c>, <c>INT</c>) and returns how long the process took to exit.</summary>
    public async Task<TimeSpan> StopAsync(string signal, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Assert.True(
            await ProcessSignal.SendAsync(signal, [process.Id], cancellationToken),
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

    /// <summary>Waits at most <paramref name="limit"/> for the process to end; whether it did.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(bound.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGKILL ends a frozen process too.
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

        return Path.Join(BuildOutput.Of("PHDB.Silo"), "PHDB.Silo.dll");
    }
}
