namespace PHDB.Kaggle.Benchmarks;

/// <summary>One way of uploading the export's files to Kaggle's API.</summary>
internal interface IUploader : IDisposable
{
    /// <summary>Uploads one file; returns its blob token.</summary>
    Task<string> UploadAsync(string path, string name, CancellationToken cancellationToken);

    /// <summary>Creates a dataset of the uploaded blobs (after the measurement, so that the stand-in's checksums can be compared).</summary>
    Task CreateDatasetAsync(
        string owner,
        string slug,
        IReadOnlyList<string> tokens,
        CancellationToken cancellationToken
    );
}
