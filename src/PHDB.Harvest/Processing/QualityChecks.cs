using PHDB.Domain;

namespace PHDB.Harvest.Processing;

/// <summary>
/// Records what looks wrong in a batch without dropping anything: counts out of bounds, featured before created,
/// URLs that are not http(s), names or taglines missing. Runs after the sanitiser.
/// </summary>
public sealed class QualityChecks : IBatchProcessor
{
    /// <summary>The checks' priority: after cleaning, before writing.</summary>
    public const int DefaultPriority = 500;

    /// <summary>More votes than any post has ever had is treated as implausible.</summary>
    public const int MaxPlausibleVotes = 100_000;

    /// <inheritdoc />
    public int Priority => DefaultPriority;

    /// <inheritdoc />
    public HarvestBatch Process(HarvestBatch batch, BatchProcessingContext context)
    {
        foreach (var post in batch.Posts)
        {
            CheckPost(post, context);
        }

        foreach (var comment in batch.Comments)
        {
            if (comment.VotesCount is < 0 or > MaxPlausibleVotes)
            {
                context.Record(new("comment", comment.Id, "votes-out-of-bounds", $"votesCount {comment.VotesCount}"));
            }
        }

        return batch;
    }

    private static void CheckPost(Post post, BatchProcessingContext context)
    {
        void Found(string check, string detail) => context.Record(new("post", post.Id, check, detail));

        if (post.VotesCount is < 0 or > MaxPlausibleVotes)
        {
            Found("votes-out-of-bounds", $"votesCount {post.VotesCount}");
        }

        if (post.CommentsCount < 0)
        {
            Found("comments-out-of-bounds", $"commentsCount {post.CommentsCount}");
        }

        if (post.FeaturedAt is { } featured && featured < post.CreatedAt)
        {
            Found("featured-before-created", $"featuredAt {featured:O} is before createdAt {post.CreatedAt:O}");
        }

        if (string.IsNullOrWhiteSpace(post.Name))
        {
            Found("name-missing", "name is empty");
        }

        if (string.IsNullOrWhiteSpace(post.Tagline))
        {
            Found("tagline-missing", "tagline is empty");
        }

        foreach (var (field, url) in Urls(post))
        {
            if (!TrackingFreeUrl.IsWebUrl(url, out _))
            {
                Found("invalid-url", $"{field} '{url}' is not an absolute http(s) URL");
            }
        }
    }

    private static IEnumerable<(string Field, string Url)> Urls(Post post)
    {
        yield return ("url", post.Url);
        yield return ("website", post.Website);
        foreach (var link in post.ProductLinks)
        {
            yield return ($"productLinks[{link.Type}]", link.Url);
        }
    }
}
