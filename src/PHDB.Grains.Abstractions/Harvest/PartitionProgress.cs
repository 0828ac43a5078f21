namespace PHDB.Grains.Harvest;

/// <summary>A crawl partition's state, for the coordinator, the console and tests.</summary>
/// <param name="Key">The partition key.</param>
/// <param name="Status">Where the partition stands.</param>
/// <param name="Cursor">The committed cursor of its own connection.</param>
/// <param name="Pages">Pages committed (own and nested).</param>
/// <param name="Nodes">Rows committed (own and nested).</param>
/// <param name="PendingSubjects">Posts, collections and users with work left.</param>
/// <param name="ConsecutiveFailures">Failed pages in a row.</param>
/// <param name="LastError">The last failure.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
/// <param name="NewestPost">The newest <c>createdAt</c> of the posts its pages held, if any.</param>
/// <param name="NewestRow">The newest <c>createdAt</c> among the rows of its own connection (posts, topics or collections).</param>
/// <param name="RootExhausted">Whether its own connection is read to the end (only nested work may be left).</param>
/// <param name="PendingPages">
/// The pages its subjects with work left are expected to need, from their counts (see <see cref="PostWorkLeft"/>).
/// </param>
/// <param name="LongestChain">The most pages any one of its subjects needs one after the other.</param>
/// <param name="Points">The complexity of the pages committed, as the client estimates an alias of each.</param>
/// <param name="PendingPoints">The complexity of <paramref name="PendingPages"/>.</param>
/// <param name="RootPagePoints">The complexity of a page of its own connection.</param>
[GenerateSerializer, Immutable, Alias("phdb.PartitionProgress")]
public sealed record PartitionProgress(
    [property: Id(0)] string Key,
    [property: Id(1)] PartitionStatus Status,
    [property: Id(2)] string? Cursor,
    [property: Id(3)] long Pages,
    [property: Id(4)] long Nodes,
    [property: Id(5)] int PendingSubjects,
    [property: Id(6)] int ConsecutiveFailures,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset? UpdatedAt,
    [property: Id(9)] DateTimeOffset? NewestPost = null,
    [property: Id(10)] DateTimeOffset? NewestRow = null,
    [property: Id(11)] bool RootExhausted = false,
    [property: Id(12)] long PendingPages = 0,
    [property: Id(13)] int LongestChain = 0,
    [property: Id(14)] long Points = 0,
    [property: Id(15)] long PendingPoints = 0,
    [property: Id(16)] int RootPagePoints = 0
);
