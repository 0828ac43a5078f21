using System.Text.Json;
using Microsoft.Extensions.Logging;
using PHDB.Kaggle.Http;
using PHDB.Kaggle.Wire;

namespace PHDB.Kaggle;

/// <summary>
/// Kaggle's public API as its official client speaks it: <c>POST {endpoint}/v1/{service}/{method}</c> with JSON.
/// Owns its HTTP connection (not a factory client, so no other retry layer wraps it); retries with its own Polly
/// pipeline. Never logs a credential or an upload address.
/// </summary>
/// <remarks>
/// A create call whose attempt failed without a clear answer (a timeout, a dropped connection, a 5xx) may still have
/// taken effect; before sending it again the client asks GetDataset whether the dataset, or a version newer than the
/// one it saw before the first attempt, exists, and then answers from it instead of creating a second one.
/// </remarks>
public sealed class KaggleApiClient : IDisposable
{
    private const string Blobs = "blobs.BlobApiService";
    private const string Datasets = "datasets.DatasetApiService";
    private readonly KaggleTransport _transport;
    private readonly KaggleOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the client; <paramref name="handler"/> replaces the network (tests).</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting).</exception>
    public KaggleApiClient(
        KaggleOptions options,
        KaggleCredentials credentials,
        ILogger<KaggleApiClient> logger,
        TimeProvider? time = null,
        HttpMessageHandler? handler = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException($"{problem.Key}: {problem.Message}", nameof(options));
        }

        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _transport = new KaggleTransport(options, credentials, logger, _time, handler);
    }

    /// <summary>Starts a blob upload for a file of a dataset.</summary>
    public Task<BlobUploadTicket> StartBlobUploadAsync(
        string name,
        long contentLength,
        DateTimeOffset lastModified,
        CancellationToken cancellationToken
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(contentLength);
        var body = WireJson.StartBlobUpload(name, contentLength, lastModified);
        return _transport.ExecuteAsync(
            "StartBlobUpload",
            (_, token) => CallOnceAsync(Blobs, "StartBlobUpload", body, WireJson.ReadTicket, token),
            cancellationToken
        );
    }

    /// <summary>The dataset, or <c>null</c> when Kaggle says it does not exist.</summary>
    public async Task<KaggleDataset?> GetDatasetAsync(string owner, string slug, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentException.ThrowIfNullOrEmpty(slug);
        return await _transport.ExecuteAsync(
            "GetDataset",
            (_, token) => GetDatasetOnceAsync(owner, slug, token),
            cancellationToken
        );
    }

    /// <summary>Creates a dataset (its version 1).</summary>
    public Task<DatasetCreateAnswer> CreateDatasetAsync(NewDataset request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = WireJson.CreateDataset(request);
        return _transport.ExecuteAsync(
            "CreateDataset",
            async (attempt, token) =>
            {
                if (attempt > 1 && await GetDatasetOnceAsync(request.OwnerSlug, request.Slug, token) is { } created)
                {
                    return AlreadyApplied("CreateDataset", created);
                }

                return await CallOnceAsync(Datasets, "CreateDataset", body, WireJson.ReadCreateAnswer, token);
            },
            cancellationToken
        );
    }

    /// <summary>Creates a new version of an existing dataset.</summary>
    public async Task<DatasetCreateAnswer> CreateDatasetVersionAsync(
        string owner,
        string slug,
        NewDatasetVersion request,
        CancellationToken cancellationToken
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentException.ThrowIfNullOrEmpty(slug);
        ArgumentNullException.ThrowIfNull(request);
        var before = await GetDatasetAsync(owner, slug, cancellationToken);
        var body = WireJson.CreateDatasetVersion(owner, slug, request);
        return await _transport.ExecuteAsync(
            "CreateDatasetVersion",
            async (attempt, token) =>
            {
                if (
                    attempt > 1
                    && before is not null
                    && await GetDatasetOnceAsync(owner, slug, token) is { } now
                    && now.CurrentVersionNumber > before.CurrentVersionNumber
                )
                {
                    return AlreadyApplied("CreateDatasetVersion", now);
                }

                return await CallOnceAsync(Datasets, "CreateDatasetVersion", body, WireJson.ReadCreateAnswer, token);
            },
            cancellationToken
        );
    }

    /// <summary>The newest version's processing state.</summary>
    public async Task<KaggleDatasetStatus> GetDatasetStatusAsync(
        string owner,
        string slug,
        CancellationToken cancellationToken
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentException.ThrowIfNullOrEmpty(slug);
        var body = WireJson.DatasetReference(owner, slug);
        var status = await _transport.ExecuteAsync(
            "GetDatasetStatus",
            (_, token) => CallOnceAsync(Datasets, "GetDatasetStatus", body, WireJson.ReadStatus, token),
            cancellationToken
        );
        KaggleLog.Status(_logger, $"{owner}/{slug}", WireNames.Name(status));
        return status;
    }

    /// <summary>
    /// Polls the status every <see cref="KaggleOptions.StatusPollInterval"/> until READY, reporting each state
    /// answered (one report per poll).
    /// </summary>
    /// <exception cref="KaggleException">FAILED or DELETED (<see cref="KaggleFailure.Rejected"/>) or too slow (<see cref="KaggleFailure.Timeout"/>).</exception>
    public async Task WaitUntilReadyAsync(
        string owner,
        string slug,
        IProgress<KaggleDatasetStatus>? progress,
        CancellationToken cancellationToken
    )
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var status = await GetDatasetStatusAsync(owner, slug, cancellationToken);
            progress?.Report(status);
            switch (status)
            {
                case KaggleDatasetStatus.Ready:
                    return;
                case KaggleDatasetStatus.Failed or KaggleDatasetStatus.Deleted:
                    throw new KaggleException(
                        KaggleFailure.Rejected,
                        $"Kaggle did not accept {owner}/{slug}: its processing ended {WireNames.Name(status)}."
                    );
            }

            if (_time.GetElapsedTime(started) >= _options.StatusTimeout)
            {
                throw new KaggleException(
                    KaggleFailure.Timeout,
                    $"{owner}/{slug} was not ready after {_options.StatusTimeout}: Kaggle still says "
                        + $"{WireNames.Name(status)}."
                );
            }

            await Task.Delay(_options.StatusPollInterval, _time, cancellationToken);
        }
    }

    /// <summary>
    /// Uploads one file from disk in chunks with bounded memory, resuming after a dropped connection where Kaggle
    /// says the bytes stopped, starting over when the address expired; reports bytes confirmed. Returns the token.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="name">Its name in the dataset (Kaggle's client sends the file name).</param>
    /// <param name="progress">Receives the bytes Kaggle confirmed holding (0 again when an expired upload starts over).</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    public Task<string> UploadFileAsync(
        string path,
        string name,
        IProgress<long>? progress,
        CancellationToken cancellationToken
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return ResumableUpload.RunAsync(_transport, StartBlobUploadAsync, path, name, progress, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();

    private async ValueTask<T> CallOnceAsync<T>(
        string service,
        string method,
        byte[] body,
        Func<JsonElement, T> read,
        CancellationToken cancellationToken
    )
    {
        using var document = await _transport.PostOnceAsync(service, method, body, cancellationToken);
        return read(document.RootElement);
    }

    private async ValueTask<KaggleDataset?> GetDatasetOnceAsync(
        string owner,
        string slug,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await CallOnceAsync(
                Datasets,
                "GetDataset",
                WireJson.DatasetReference(owner, slug),
                root => WireJson.ReadDataset(root, owner, slug),
                cancellationToken
            );
        }
        catch (KaggleException e) when (e.Failure == KaggleFailure.NotFound)
        {
            return null;
        }
    }

    private DatasetCreateAnswer AlreadyApplied(string method, KaggleDataset dataset)
    {
        KaggleLog.AlreadyApplied(_logger, method, dataset.Ref, dataset.CurrentVersionNumber);
        return new DatasetCreateAnswer(dataset.Ref, dataset.Url, "ok", null, []);
    }
}
