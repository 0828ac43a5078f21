namespace PHDB.Grains.Harvest;

/// <summary>An entity a page revealed that has connections of its own to walk.</summary>
/// <param name="Kind">The nested connection to walk (comments or votes of a post, votes or replies of a comment, posts of a collection).</param>
/// <param name="SubjectId">The post, comment or collection.</param>
/// <param name="ParentId">For a comment: its post.</param>
/// <param name="After">For replies: where the already-read replies end.</param>
/// <param name="Count">What the entity's count said (comments, votes), 0 when unknown.</param>
/// <param name="At">For a post read in a posts window: its <c>createdAt</c> (the harvest's high-water mark).</param>
[GenerateSerializer, Immutable, Alias("phdb.DiscoveredSubject")]
public sealed record DiscoveredSubject(
    [property: Id(0)] CrawlTaskKind Kind,
    [property: Id(1)] long SubjectId,
    [property: Id(2)] long ParentId = 0,
    [property: Id(3)] string? After = null,
    [property: Id(4)] int Count = 0,
    [property: Id(5)] DateTimeOffset? At = null
);
