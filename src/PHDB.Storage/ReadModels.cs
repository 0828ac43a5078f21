namespace PHDB.Storage;

/// <summary>Size and freshness of the stored dataset.</summary>
/// <param name="Rows">Rows per table (placeholders excluded), keyed by table name.</param>
/// <param name="Placeholders">Placeholder rows waiting for their entity, all tables together.</param>
/// <param name="OldestPost">Launch time of the oldest stored post.</param>
/// <param name="NewestPost">Launch time of the newest stored post.</param>
/// <param name="LastRun">The most recently started harvest run.</param>
public sealed record DatasetStatistics(
    IReadOnlyDictionary<string, long> Rows,
    long Placeholders,
    DateTimeOffset? OldestPost,
    DateTimeOffset? NewestPost,
    HarvestRun? LastRun
);

/// <summary>Order of a post listing.</summary>
public enum PostSort
{
    /// <summary>Newest launch first.</summary>
    Newest,

    /// <summary>Most votes first.</summary>
    Votes,
}

/// <summary>A filter and page request for <see cref="HarvestReader.BrowsePostsAsync"/>.</summary>
public sealed record PostQuery
{
    /// <summary>First launch day (Product Hunt's day, America/Los_Angeles), inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last launch day (Product Hunt's day, America/Los_Angeles), inclusive.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only posts with the topic of this slug.</summary>
    public string? TopicSlug { get; init; }

    /// <summary>Only posts whose name or tagline match this web-search style query (English stemming).</summary>
    public string? Text { get; init; }

    /// <summary>Only featured posts.</summary>
    public bool FeaturedOnly { get; init; }

    /// <summary>Order.</summary>
    public PostSort Sort { get; init; } = PostSort.Newest;

    /// <summary>Page size, 1–500.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The <see cref="PostPage.NextCursor"/> of the previous page, or <see langword="null"/> for the first.</summary>
    public string? Cursor { get; init; }
}

/// <summary>A post in a listing.</summary>
public sealed record PostSummary(
    long Id,
    string Name,
    string Slug,
    string Tagline,
    int VotesCount,
    int CommentsCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FeaturedAt,
    string? ThumbnailUrl
);

/// <summary>One page of posts.</summary>
/// <param name="NextCursor">Cursor of the next page, or <see langword="null"/> on the last page.</param>
public sealed record PostPage(IReadOnlyList<PostSummary> Posts, string? NextCursor);

/// <summary>A user as a post or comment shows them; <see cref="Name"/> is null while only the id is known.</summary>
public sealed record UserSummary(long Id, string? Name, string? Username, string? ProfileImage);

/// <summary>A topic as a post shows it.</summary>
public sealed record TopicReference(long Id, string Name, string Slug);

/// <summary>A post's media item.</summary>
public sealed record MediaItem(string Type, string Url, string? VideoUrl);

/// <summary>A post's product link.</summary>
public sealed record ProductLinkItem(string Type, string Url);

/// <summary>A comment with its replies, oldest first.</summary>
/// <param name="ParentId">The parent comment; set on a root when the parent is not stored yet.</param>
public sealed record CommentNode(
    long Id,
    long? ParentId,
    string Body,
    DateTimeOffset CreatedAt,
    int VotesCount,
    UserSummary? Author,
    bool AuthorRedacted,
    IReadOnlyList<CommentNode> Replies
);

/// <summary>A post's counts at one observation.</summary>
public sealed record PostSnapshot(DateTimeOffset ObservedAt, int VotesCount, int CommentsCount, int ReviewsCount);

/// <summary>A post with everything the post page shows.</summary>
/// <param name="Hunter">The hunter, or <see langword="null"/> when redacted (<see cref="HunterRedacted"/>).</param>
/// <param name="Makers">Disclosed makers in the API's order.</param>
/// <param name="RedactedMakers">How many makers the API redacted.</param>
/// <param name="Comments">Root comments (and replies whose parent is not stored yet), oldest first.</param>
/// <param name="History">Snapshots oldest first: the votes-over-time chart.</param>
/// <param name="VotesStored">Votes of the post stored individually.</param>
public sealed record PostDetail(
    PostSummary Post,
    string? Description,
    string Url,
    string Website,
    int ReviewsCount,
    double ReviewsRating,
    UserSummary? Hunter,
    bool HunterRedacted,
    IReadOnlyList<UserSummary> Makers,
    int RedactedMakers,
    IReadOnlyList<TopicReference> Topics,
    IReadOnlyList<MediaItem> Media,
    IReadOnlyList<ProductLinkItem> ProductLinks,
    IReadOnlyList<CommentNode> Comments,
    IReadOnlyList<PostSnapshot> History,
    long VotesStored,
    DateTimeOffset ObservedAt
);

/// <summary>A topic with its counts.</summary>
/// <param name="FollowersCount">The API's followers count, when a full read saw it.</param>
/// <param name="PostsCount">The API's posts count, when a full read saw it.</param>
/// <param name="StoredPosts">Posts stored with this topic.</param>
public sealed record TopicSummary(
    long Id,
    string Name,
    string Slug,
    string? Description,
    int? FollowersCount,
    int? PostsCount,
    long StoredPosts
);

/// <summary>Posts launched in one month (UTC).</summary>
public sealed record MonthlyCount(DateOnly Month, long Posts);

/// <summary>How a harvest run ended.</summary>
public enum HarvestOutcome
{
    /// <summary>Still running (or its process died before finishing it).</summary>
    Running,

    /// <summary>Finished normally.</summary>
    Succeeded,

    /// <summary>Stopped by an error.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Cancelled,
}

/// <summary>A run of the harvester.</summary>
/// <param name="Counts">Named counts the run reported (rows written per entity, pages read …).</param>
public sealed record HarvestRun(
    long Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Mode,
    HarvestOutcome Outcome,
    IReadOnlyDictionary<string, long> Counts,
    string? Error
);

/// <summary>A data-quality finding to record.</summary>
/// <param name="Entity">Table of the entity (e.g. <c>posts</c>).</param>
/// <param name="Check">Name of the check that found it.</param>
public sealed record NewQualityFinding(string Entity, long EntityId, string Check, string Detail);

/// <summary>A recorded data-quality finding.</summary>
/// <param name="FoundAt">When it was first recorded.</param>
/// <param name="RunId">The run that recorded it most recently.</param>
public sealed record QualityFinding(
    long Id,
    string Entity,
    long EntityId,
    string Check,
    string Detail,
    DateTimeOffset FoundAt,
    long? RunId
);

/// <summary>How many findings one data-quality check has recorded.</summary>
/// <param name="Check">Name of the check.</param>
/// <param name="Findings">Findings of the check.</param>
/// <param name="LatestFoundAt">When the newest of them was first recorded.</param>
public sealed record QualityCheckCount(string Check, long Findings, DateTimeOffset LatestFoundAt);
