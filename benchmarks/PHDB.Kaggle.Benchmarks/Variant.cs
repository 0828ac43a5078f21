namespace PHDB.Kaggle.Benchmarks;

/// <summary>The measured uploaders.</summary>
internal static class Variant
{
    /// <summary>A raw HttpClient: StartBlobUpload, then one streamed PUT per file.</summary>
    public const string Baseline = "baseline";

    /// <summary>KaggleApiClient.UploadFileAsync for every file.</summary>
    public const string Phdb = "phdb";

    /// <summary>The same, with the connection dropped in the middle of the largest file.</summary>
    public const string PhdbFault = "phdb-fault";

    public static IReadOnlyList<string> All { get; } = [Baseline, Phdb, PhdbFault];
}
