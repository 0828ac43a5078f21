namespace PHDB.Grains.Harvest;

/// <summary>What became of one task after its page was fetched and its rows committed (or not).</summary>
/// <param name="Task">The task as it was handed out.</param>
/// <param name="NextAfter">The cursor to continue from; <see langword="null"/> when the connection is exhausted.</param>
/// <param name="Nodes">Rows the page held.</param>
/// <param name="Discovered">Nested work the page revealed (posts with comments or votes, comments with votes or more replies, collections).</param>
/// <param name="Error">Why the page failed; nothing was committed then and the cursor stays.</param>
/// <param name="NewestRow">The newest <c>createdAt</c> among the page's own rows (posts, topics or collections).</param>
[GenerateSerializer, Immutable, Alias("phdb.TaskOutcome")]
public sealed record TaskOutcome(
    [property: Id(0)] CrawlTask Task,
    [property: Id(1)] string? NextAfter,
    [property: Id(2)] int Nodes,
    [property: Id(3)] IReadOnlyList<DiscoveredSubject> Discovered,
    [property: Id(4)] string? Error = null,
    [property: Id(5)] DateTimeOffset? NewestRow = null
)
{
    /// <summary>Whether the page was fetched and committed.</summary>
    public bool Succeeded => Error is null;
}
