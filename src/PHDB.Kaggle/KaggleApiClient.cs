using Microsoft.Extensions.Logging;
using PHDB.Kaggle.Wire;

namespace PHDB.Kaggle;

/// <summary>
/// Kaggle's public API as its official client speaks it: <c>POST {endpoint}/v1/{service}/{method}</c> with JSON.
/// Owns its HTTP connection (not a factory client, so no other retry layer wraps it); retries with its own Polly
/// pipeline. Never logs a credential or an upload address.
/// </summary>
public sealed class KaggleApiClient : IDisposable
{
    /// <summary>Creates the client; <paramref name="handler"/> replaces the network (tests).</summary>
    public KaggleApiClient(
        KaggleOptions options,
        KaggleCredentials credentials,
        ILogger<KaggleApiClient> logger,
        TimeProvider? time = null,
        HttpMessageHandler? handler = null
    ) => throw new NotImplementedException();

    /// <summary>Starts a blob upload for a file of a dataset.</summary>
    public Task<BlobUploadTicket> StartBlobUploadAsync(
        string name,
        long contentLength,
        DateTimeOffset lastModified,
        CancellationToken cancellationToken
    ) => throw new NotImplementedException();

    /// <summary>The dataset, or <c>null</c> when Kaggle says it does not exist.</summary>
    public Task<KaggleDataset?> GetDatasetAsync(string owner, string slug, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Creates a dataset (its version 1).</summary>
    public Task<DatasetCreateAnswer> CreateDatasetAsync(NewDataset request, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Creates a new version of an existing dataset.</summary>
    public Task<DatasetCreateAnswer> CreateDatasetVersionAsync(
        string owner,
        string slug,
        NewDatasetVersion request,
        CancellationToken cancellationToken
    ) => throw new NotImplementedException();

    /// <summary>The newest version's processing state.</summary>
    public Task<KaggleDatasetStatus> GetDatasetStatusAsync(
        string owner,
        string slug,
        CancellationToken cancellationToken
    ) => throw new NotImplementedException();

    /// <summary>
    /// Polls the status every <see cref="KaggleOptions.StatusPollInterval"/> until READY, reporting each state.
    /// </summary>
    /// <exception cref="KaggleException">FAILED (<see cref="KaggleFailure.Rejected"/>) or too slow (<see cref="KaggleFailure.Timeout"/>).</exception>
    public Task WaitUntilReadyAsync(
        string owner,
        string slug,
        IProgress<KaggleDatasetStatus>? progress,
        CancellationToken cancellationToken
    ) => throw new NotImplementedException();

    /// <summary>
    /// Uploads one file from disk in chunks with bounded memory, resuming after a dropped connection where Kaggle
    /// says the bytes stopped, starting over when the address expired; reports bytes confirmed. Returns the token.
    /// </summary>
    public Task<string> UploadFileAsync(
        string path,
        string name,
        IProgress<long>? progress,
        CancellationToken cancellationToken
    ) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose() => throw new NotImplementedException();
}
