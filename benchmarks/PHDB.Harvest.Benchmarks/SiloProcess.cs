using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace PHDB.Harvest.Benchmarks;

/// <summary>
/// A PHDB silo as its own process (<c>dotnet PHDB.Silo.dll</c>), configured through its environment as the AppHost
/// configures it, with its harvest control endpoints on a loopback port. Its output goes to a log file.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private const string ControlKeyHeader = "X-PHDB-Control-Key";
    private readonly Process process;
    private readonly HttpClient control;
    private readonly string key;
    private readonly StreamWriter log;

    private SiloProcess(Process process, HttpClient control, string key, StreamWriter log)
    {
        this.process = process;
        this.control = control;
        this.key = key;
        this.log = log;
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The exit code, once <see cref="HasExited"/>; a negative number is the signal that ended it.</summary>
    public int ExitCode => process.ExitCode;

    public static SiloProcess Start(string assembly, IReadOnlyDictionary<string, string?> configuration, string log)
    {
        var port = PHDB.Testing.LoopbackPort.Next();
        var key = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        foreach (var (name, value) in configuration)
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Harvest__ControlKey"] = key;
        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var control = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        return new SiloProcess(process, control, key, writer);
    }

    /// <summary>Starts a full harvest through <c>POST /harvest/full</c>, retrying while the silo starts.</summary>
    public async Task StartFullAsync(TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {process.ExitCode} before it started.");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "harvest/full");
                request.Headers.Add(ControlKeyHeader, key);
                request.Content = new ByteArrayContent([]);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await control.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (watch.Elapsed < within) { }

            if (watch.Elapsed >= within)
            {
                throw new TimeoutException($"The silo did not accept the start of a full harvest within {within}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    public async ValueTask DisposeAsync()
    {
        control.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            if (writer.BaseStream.CanWrite)
            {
                writer.WriteLine(line);
            }
        }
    }
}
