namespace PHDB.Kaggle.Wire;

/// <summary>
/// Enum values by their names on the wire (Kaggle's proto names, e.g. <c>READY</c>), both ways. Reading is as lenient
/// as Kaggle's client: the exact name, any case, with the enum's prefix or in camelCase.
/// </summary>
internal static class WireNames
{
    /// <summary>ApiBlobType.DATASET.</summary>
    public const string DatasetBlob = "DATASET";

    private const string StatusPrefix = "DATABUNDLE_VERSION_STATUS_";

    private static readonly (KaggleDatasetStatus Value, string Name)[] Statuses =
    [
        (KaggleDatasetStatus.NotYetPersisted, "NOT_YET_PERSISTED"),
        (KaggleDatasetStatus.BlobsReceived, "BLOBS_RECEIVED"),
        (KaggleDatasetStatus.BlobsDecompressed, "BLOBS_DECOMPRESSED"),
        (KaggleDatasetStatus.BlobsCopiedToSds, "BLOBS_COPIED_TO_SDS"),
        (KaggleDatasetStatus.IndividualBlobsCompressed, "INDIVIDUAL_BLOBS_COMPRESSED"),
        (KaggleDatasetStatus.Ready, "READY"),
        (KaggleDatasetStatus.Failed, "FAILED"),
        (KaggleDatasetStatus.Deleted, "DELETED"),
        (KaggleDatasetStatus.Reprocessing, "REPROCESSING"),
    ];

    /// <summary>The status's name on the wire, e.g. <c>BLOBS_COPIED_TO_SDS</c>.</summary>
    public static string Name(KaggleDatasetStatus status) =>
        Array.Find(Statuses, s => s.Value == status).Name
        ?? throw new ArgumentOutOfRangeException(nameof(status), status, "Not a Kaggle dataset status.");

    /// <summary>Reads a status name; <c>false</c> for a name Kaggle's enum does not have.</summary>
    public static bool TryParse(string? text, out KaggleDatasetStatus status)
    {
        var key = Normalize(text);
        if (key.StartsWith(Normalize(StatusPrefix), StringComparison.Ordinal))
        {
            key = key[Normalize(StatusPrefix).Length..];
        }

        foreach (var (value, name) in Statuses)
        {
            if (Normalize(name) == key)
            {
                status = value;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Upper case without underscores: <c>READY</c>, <c>ready</c> and <c>Ready</c> read alike, as do <c>BLOBS_COPIED_TO_SDS</c> and <c>blobsCopiedToSds</c>.</summary>
    private static string Normalize(string? text) =>
        string.Concat((text ?? "").Where(c => c != '_').Select(char.ToUpperInvariant));
}
