using PHDB.Storage;

namespace PHDB.Admin.Data;

/// <summary>What the Posts page shows: launch-day range, topic, text, order and featured only.</summary>
public sealed record PostFilter
{
    /// <summary>No filter: every post, newest first.</summary>
    public static PostFilter None { get; } = new();

    /// <summary>First launch day (Product Hunt's day), inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last launch day (Product Hunt's day), inclusive.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Slug of the topic the posts must have.</summary>
    public string? Topic { get; init; }

    /// <summary>Words the name or tagline must match.</summary>
    public string? Text { get; init; }

    /// <summary>Order of the listing.</summary>
    public PostSort Sort { get; init; } = PostSort.Newest;

    /// <summary>Only featured posts.</summary>
    public bool FeaturedOnly { get; init; }

    /// <summary>Whether the day range is empty because it starts after it ends.</summary>
    public bool IsRangeReversed => From is { } from && To is { } to && from > to;

    /// <summary>The reader's query for one page of this filter.</summary>
    /// <param name="cursor">The cursor of the page, <see langword="null"/> for the first.</param>
    /// <param name="limit">Posts per page.</param>
    public PostQuery ToQuery(string? cursor, int limit) =>
        new()
        {
            From = From,
            To = To,
            TopicSlug = Topic,
            Text = Text,
            FeaturedOnly = FeaturedOnly,
            Sort = Sort,
            Limit = limit,
            Cursor = cursor,
        };
}
