using System.Globalization;
using PHDB.Domain;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>Turns the API's nodes into Domain entities, refusing values that break the schema with a <see cref="DataValidationException"/>.</summary>
internal static class EntityMapper
{
    public const string RedactedName = "[REDACTED]";

    public static long Id(string field, string? value)
    {
        if (value is null)
        {
            throw new DataValidationException(field, null, "null where the schema says non-null");
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new DataValidationException(field, value, "not a positive numeric id");
    }

    public static string Required(string field, string? value) =>
        value ?? throw new DataValidationException(field, null, "null where the schema says non-null");

    public static T Required<T>(string field, T? value)
        where T : struct =>
        value ?? throw new DataValidationException(field, null, "null where the schema says non-null");

    /// <summary>A user reference: id <c>"0"</c> or a <c>[REDACTED]</c> name is a redacted user, never user 0.</summary>
    public static UserRef UserRef(string field, string? id, string? username = null)
    {
        if (id is null)
        {
            throw new DataValidationException(field, null, "null where the schema says non-null");
        }

        if (id == "0" || id == RedactedName || username == RedactedName)
        {
            return Domain.UserRef.Redacted;
        }

        return Domain.UserRef.Of(Id(field, id));
    }

    /// <summary>A disclosed user, or null for a redacted one.</summary>
    public static User? User(UserNode node, string path)
    {
        path = path.Length == 0 ? "user" : path;
        var reference = UserRef($"{path}.id", node.Id, node.Username);
        if (reference.Id is not { } id)
        {
            return null;
        }

        return new User(
            id,
            Required($"{path}.name", node.Name),
            Required($"{path}.username", node.Username),
            node.Headline,
            node.TwitterUsername,
            node.WebsiteUrl,
            Required($"{path}.url", node.Url),
            Required($"{path}.createdAt", node.CreatedAt),
            node.ProfileImage,
            node.CoverImage,
            node.IsMaker ?? false
        );
    }

    public static Topic Topic(TopicNode node, string path) =>
        new(
            Id($"{path}.id", node.Id),
            Required($"{path}.name", node.Name),
            Required($"{path}.slug", node.Slug),
            node.Description,
            node.Url,
            node.CreatedAt,
            node.FollowersCount,
            node.PostsCount,
            node.Image
        );

    /// <summary>Topic stubs of a post or collection; <paramref name="complete"/> is false when the connection held more.</summary>
    public static List<Topic> Topics(TopicConnectionNode? connection, string path, out bool complete)
    {
        if (connection?.Nodes is not { } nodes)
        {
            throw new DataValidationException($"{path}.nodes", null, "null where the schema says non-null");
        }

        var topics = new List<Topic>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i] ?? throw new DataValidationException($"{path}.nodes[{i}]", null, "null topic");
            topics.Add(Topic(node, $"{path}.nodes[{i}]"));
        }

        complete = connection.TotalCount is not { } total || total <= topics.Count;
        return topics;
    }

    public static Media Media(MediaNode node, string path) =>
        new(Required($"{path}.type", node.Type), Required($"{path}.url", node.Url), node.VideoUrl);

    public static Post Post(PostNode node, DateTimeOffset observedAt, List<Topic> topicsOut, out bool topicsComplete)
    {
        var id = Id("id", node.Id);
        var makers = new List<UserRef>();
        var makerNodes =
            node.Makers ?? throw new DataValidationException("makers", null, "null where the schema says non-null");
        for (var i = 0; i < makerNodes.Count; i++)
        {
            var maker = makerNodes[i] ?? throw new DataValidationException($"makers[{i}]", null, "null maker");
            makers.Add(UserRef($"makers[{i}].id", maker.Id, maker.Username));
        }

        var media = (
            node.Media ?? throw new DataValidationException("media", null, "null where the schema says non-null")
        )
            .Select(
                (m, i) =>
                    Media(m ?? throw new DataValidationException($"media[{i}]", null, "null media"), $"media[{i}]")
            )
            .ToList();
        var links = (
            node.ProductLinks
            ?? throw new DataValidationException("productLinks", null, "null where the schema says non-null")
        )
            .Select(
                (l, i) =>
                    l is null
                        ? throw new DataValidationException($"productLinks[{i}]", null, "null product link")
                        : new ProductLink(
                            Required($"productLinks[{i}].type", l.Type),
                            Required($"productLinks[{i}].url", l.Url)
                        )
            )
            .ToList();
        var topics = Topics(node.Topics, "topics", out topicsComplete);
        var post = new Post(
            id,
            Required("name", node.Name),
            Required("slug", node.Slug),
            Required("tagline", node.Tagline),
            node.Description,
            Required("url", node.Url),
            Required("website", node.Website),
            NonNegative("votesCount", Required("votesCount", node.VotesCount)),
            NonNegative("commentsCount", Required("commentsCount", node.CommentsCount)),
            NonNegative("reviewsCount", Required("reviewsCount", node.ReviewsCount)),
            Required("reviewsRating", node.ReviewsRating),
            Required("createdAt", node.CreatedAt),
            node.FeaturedAt,
            UserRef("userId", node.UserId),
            makers,
            media,
            node.Thumbnail is { } thumbnail ? Media(thumbnail, "thumbnail") : null,
            links,
            [.. topics.Select(t => t.Id)],
            observedAt
        );
        topicsOut.AddRange(topics);
        return post;
    }

    public static Collection Collection(CollectionNode node, DateTimeOffset observedAt, List<Topic> topicsOut)
    {
        var topics = Topics(node.Topics, "topics", out var complete);
        var collection = new Collection(
            Id("id", node.Id),
            Required("name", node.Name),
            Required("tagline", node.Tagline),
            node.Description,
            Required("url", node.Url),
            Required("createdAt", node.CreatedAt),
            node.FeaturedAt,
            NonNegative("followersCount", Required("followersCount", node.FollowersCount)),
            node.CoverImage,
            UserRef("userId", node.UserId),
            complete ? [.. topics.Select(t => t.Id)] : null,
            observedAt
        );
        topicsOut.AddRange(topics);
        return collection;
    }

    public static Comment Comment(CommentNode node, long postId, DateTimeOffset observedAt) =>
        new(
            Id("id", node.Id),
            postId,
            node.ParentId is null ? null : Id("parentId", node.ParentId),
            Required("body", node.Body),
            Required("url", node.Url),
            Required("createdAt", node.CreatedAt),
            NonNegative("votesCount", Required("votesCount", node.VotesCount)),
            UserRef("userId", node.UserId),
            observedAt
        );

    public static Vote Vote(VoteNode node, VoteSubject subject, long subjectId) =>
        new(
            Id("id", node.Id),
            subject,
            subjectId,
            Required("createdAt", node.CreatedAt),
            UserRef("userId", node.UserId)
        );

    public static int NonNegative(string field, int value) =>
        value >= 0
            ? value
            : throw new DataValidationException(field, value.ToString(CultureInfo.InvariantCulture), "negative count");
}
