using PHDB.Kaggle.Wire;

namespace PHDB.Kaggle.Benchmarks;

/// <summary>PHDB's Kaggle client: <see cref="KaggleApiClient.UploadFileAsync"/> for each file, as a publication does.</summary>
internal sealed class PhdbUploader : IUploader
{
    private readonly KaggleApiClient client;
    private readonly LatestProgress progress = new();

    public PhdbUploader(Uri endpoint, string apiToken, int chunkBytes, UploadLogRecorder log)
    {
        var options = new KaggleOptions { Endpoint = endpoint.ToString(), ApiToken = apiToken };
        if (chunkBytes > 0)
        {
            options.UploadChunkBytes = chunkBytes;
        }

        client = new KaggleApiClient(
            options,
            new KaggleCredentials(KaggleAuthScheme.Bearer, "Kaggle:ApiToken", apiToken),
            log
        );
    }

    /// <summary>The last bytes-confirmed figure the client reported.</summary>
    public long Confirmed => progress.Value;

    public Task<string> UploadAsync(string path, string name, CancellationToken cancellationToken) =>
        client.UploadFileAsync(path, name, progress, cancellationToken);

    public async Task CreateDatasetAsync(
        string owner,
        string slug,
        IReadOnlyList<string> tokens,
        CancellationToken cancellationToken
    )
    {
        var answer = await client.CreateDatasetAsync(
            new NewDataset(
                owner,
                slug,
                "Upload benchmark",
                "CC0-1.0",
                null,
                null,
                true,
                [.. tokens.Select(t => new DatasetFileUpload(t))],
                []
            ),
            cancellationToken
        );
        if (!answer.Succeeded)
        {
            throw new InvalidOperationException($"CreateDataset: {answer.Status} {answer.Error}");
        }
    }

    public void Dispose() => client.Dispose();

    /// <summary>Keeps the latest report, on the reporting thread (as a publication's progress does).</summary>
    private sealed class LatestProgress : IProgress<long>
    {
        private long value;

        public long Value => Interlocked.Read(ref value);

        public void Report(long value) => Interlocked.Exchange(ref this.value, value);
    }
}
