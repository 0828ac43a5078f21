using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PHDB.Kaggle.StandIn;

namespace PHDB.Kaggle.Benchmarks;

/// <summary>
/// One run: a fresh stand-in (blobs on disk under the benchmark's folder), the uploader in a child process, then the
/// check that the dataset the child created holds every file with its SHA-256.
/// </summary>
internal static class Measurement
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    public static async Task<RunResult> RunAsync(
        string variant,
        int repetition,
        SyntheticExport export,
        BenchmarkArguments arguments
    )
    {
        var data = Path.Join(arguments.Directory, $"standin-{variant}-{repetition}");
        DeleteDirectory(data);
        try
        {
            var options = new KaggleStandInOptions { DataDirectory = data };
            await using var standIn = await KaggleStandIn.StartAsync(options);
            if (variant == Variant.PhdbFault)
            {
                // The largest file goes first: the connection drops in its middle, off any chunk boundary.
                standIn.Faults.DropUploadAfterBytes = (export.Files[0].Bytes / 2) + 12_345;
            }

            var load = ProcessStatus.LoadAverage();
            var cpu = ProcessStatus.CpuTime();
            var client = await RunChildAsync(variant, standIn, export, arguments);
            var serverCpu = (ProcessStatus.CpuTime() - cpu).TotalSeconds;
            Verify(standIn, export, options.Username);
            var uploads = standIn.Requests.Where(r => r.Method == "PUT").ToList();
            var aborted = uploads.Count(r => r.Status == StandInRequest.Aborted);
            if (variant == Variant.PhdbFault && (aborted == 0 || standIn.Faults.DropUploadAfterBytes != 0))
            {
                throw new InvalidOperationException("the stand-in did not drop the upload as asked");
            }

            return new RunResult(
                repetition,
                client,
                serverCpu,
                standIn.UploadBytesReceived,
                load,
                uploads.Count,
                aborted
            );
        }
        finally
        {
            DeleteDirectory(data);
        }
    }

    private static async Task<ClientResult> RunChildAsync(
        string variant,
        KaggleStandIn standIn,
        SyntheticExport export,
        BenchmarkArguments arguments
    )
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Measurement).Assembly.Location);
        }

        string[] verb =
        [
            "client",
            variant,
            standIn.Endpoint.ToString(),
            standIn.Options.Username,
            ((long)arguments.ChunkMiB << 20).ToString(CultureInfo.InvariantCulture),
            export.Directory,
        ];
        foreach (var argument in verb.Concat(export.Files.Select(f => f.Name)))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[ClientRun.TokenVariable] = standIn.Options.ApiToken;
        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            var output = await process.StandardOutput.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"the {variant} client exited with {process.ExitCode}: {output}");
            }

            return JsonSerializer.Deserialize<ClientResult>(output)!;
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"the {variant} client did not finish within {Limit}");
        }
    }

    /// <summary>The dataset the child created holds exactly the export's files, byte for byte.</summary>
    private static void Verify(KaggleStandIn standIn, SyntheticExport export, string owner)
    {
        var dataset =
            standIn.Find(owner, ClientRun.Slug)
            ?? throw new InvalidOperationException("the client did not create the dataset");
        var held = dataset.CurrentVersion.Files.Select(f => (f.Name, f.Bytes, f.Sha256)).Order().ToList();
        var expected = export.Files.Select(f => (f.Name, f.Bytes, f.Sha256)).Order().ToList();
        if (!held.SequenceEqual(expected))
        {
            throw new InvalidOperationException(
                $"the stand-in holds [{string.Join(", ", held)}], not the export's [{string.Join(", ", expected)}]"
            );
        }
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
