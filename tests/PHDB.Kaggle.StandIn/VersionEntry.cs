namespace PHDB.Kaggle.StandIn;

/// <summary>
/// A dataset version as the stand-in keeps it, with its processing: each status poll moves it one state on, and
/// after the configured number of polls it is <c>READY</c> (or <c>FAILED</c> when it was created to fail).
/// </summary>
internal sealed class VersionEntry(
    int number,
    string? notes,
    IReadOnlyList<StandInFile> files,
    IReadOnlyList<string> blobPaths,
    DateTimeOffset createdAt,
    bool fails
)
{
    private static readonly string[] Processing =
    [
        "NOT_YET_PERSISTED",
        "BLOBS_RECEIVED",
        "BLOBS_DECOMPRESSED",
        "BLOBS_COPIED_TO_SDS",
        "INDIVIDUAL_BLOBS_COMPRESSED",
    ];

    private int polls;

    public int Number { get; } = number;
    public string? Notes { get; } = notes;
    public IReadOnlyList<StandInFile> Files { get; private set; } = files;

    /// <summary>The blob files behind <see cref="Files"/>.</summary>
    public IReadOnlyList<string> BlobPaths { get; private set; } = blobPaths;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The state reached so far, without moving on.</summary>
    public string Status(int pollsUntilReady) => StatusAfter(polls, pollsUntilReady);

    /// <summary>Counts a status poll and answers the state it reaches.</summary>
    public string Poll(int pollsUntilReady)
    {
        polls++;
        return StatusAfter(polls, pollsUntilReady);
    }

    /// <summary>Drops the files (a later version deleted the older ones).</summary>
    public void DropFiles()
    {
        Files = [];
        BlobPaths = [];
    }

    private string StatusAfter(int count, int pollsUntilReady)
    {
        if (count >= Math.Max(1, pollsUntilReady))
        {
            return fails ? "FAILED" : "READY";
        }

        return Processing[Math.Min(count, Processing.Length - 1)];
    }
}
