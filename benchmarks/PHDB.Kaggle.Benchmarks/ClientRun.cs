using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PHDB.Kaggle.Benchmarks;

/// <summary>
/// The child process: <c>client VARIANT ENDPOINT OWNER CHUNK_BYTES DIR NAME...</c>, the API token in
/// <see cref="TokenVariable"/>. Uploads the files one after another, then creates a dataset of them (not timed) and
/// prints a <see cref="ClientResult"/> as JSON.
/// </summary>
internal static class ClientRun
{
    public const string TokenVariable = "PHDB_BENCH_KAGGLE_TOKEN";
    public const string Slug = "upload-benchmark";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var variant, var endpoint, var owner, var chunkText, var directory, .. var names])
        {
            await Console.Error.WriteLineAsync("usage: client VARIANT ENDPOINT OWNER CHUNK_BYTES DIR NAME...");
            return 2;
        }

        var token =
            Environment.GetEnvironmentVariable(TokenVariable)
            ?? throw new InvalidOperationException($"{TokenVariable} is not set");
        var chunk = int.Parse(chunkText, CultureInfo.InvariantCulture);
        var log = new UploadLogRecorder();
        using IUploader uploader =
            variant == Variant.Baseline
                ? new BaselineUploader(new Uri(endpoint), token)
                : new PhdbUploader(new Uri(endpoint), token, chunk, log);

        var startRss = ProcessStatus.ResidentBytes();
        using var heap = new HeapSampler();
        var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = ProcessStatus.CpuTime();
        var clock = Stopwatch.StartNew();
        var tokens = new List<string>();
        var bytes = 0L;
        foreach (var name in names)
        {
            var path = Path.Join(directory, name);
            tokens.Add(await uploader.UploadAsync(path, name, CancellationToken.None));
            bytes += new FileInfo(path).Length;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (ProcessStatus.CpuTime() - cpu).TotalSeconds;
        var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        int[] gcs =
        [
            GC.CollectionCount(0) - collections[0],
            GC.CollectionCount(1) - collections[1],
            GC.CollectionCount(2) - collections[2],
        ];
        var peakManaged = heap.PeakBytes;
        var peakRss = ProcessStatus.PeakResidentBytes();

        await uploader.CreateDatasetAsync(owner, Slug, tokens, CancellationToken.None);
        var result = new ClientResult(
            variant,
            seconds,
            bytes,
            cpuSeconds,
            startRss,
            peakRss,
            peakManaged,
            allocatedBytes,
            gcs,
            variant == Variant.Baseline ? null : log.SentBytes,
            log.Retries,
            log.Resumes
        );
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }
}
