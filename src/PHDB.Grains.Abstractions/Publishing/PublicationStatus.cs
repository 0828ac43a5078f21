namespace PHDB.Grains.Publishing;

/// <summary>What the cluster's publisher is doing.</summary>
/// <param name="Running">Whether a publication runs now.</param>
/// <param name="DryRun">Whether the running publication is a dry run.</param>
/// <param name="Origin">Who started the running (or last) publication.</param>
/// <param name="StartedAt">When the running (or last) publication started.</param>
/// <param name="Stage">Its stage (exporting, validating, uploading, committing, processing, done).</param>
/// <param name="Detail">One line on what it does now.</param>
/// <param name="BytesDone">Bytes uploaded so far.</param>
/// <param name="BytesTotal">Bytes to upload.</param>
/// <param name="Interval">The schedule: time between releases; zero when releases are not scheduled.</param>
/// <param name="NextDue">When the next scheduled release falls due (it is published after the next completed incremental run then).</param>
/// <param name="Due">Whether a scheduled release is due and waits for a completed incremental run.</param>
/// <param name="LastError">The last publication's error, if it failed.</param>
/// <param name="Silo">The silo running the publication.</param>
[GenerateSerializer, Immutable, Alias("phdb.PublicationStatus")]
public sealed record PublicationStatus(
    [property: Id(0)] bool Running,
    [property: Id(1)] bool DryRun,
    [property: Id(2)] string? Origin,
    [property: Id(3)] DateTimeOffset? StartedAt,
    [property: Id(4)] string? Stage,
    [property: Id(5)] string? Detail,
    [property: Id(6)] long BytesDone,
    [property: Id(7)] long BytesTotal,
    [property: Id(8)] TimeSpan Interval,
    [property: Id(9)] DateTimeOffset? NextDue,
    [property: Id(10)] bool Due,
    [property: Id(11)] string? LastError,
    [property: Id(12)] string? Silo
)
{
    /// <summary>The grain's key.</summary>
    public const string Key = "default";
}
