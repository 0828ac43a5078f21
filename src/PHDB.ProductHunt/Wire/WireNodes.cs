using System.Text.Json;
using System.Text.Json.Serialization;

namespace PHDB.ProductHunt.Wire;

// The API's JSON as typed records. Every member is nullable so that a schema-violating null is seen by the mapper,
// which names the field, instead of failing the whole page inside the deserialiser.

internal sealed record PageInfoNode(string? EndCursor, bool? HasNextPage);

internal sealed record UserNode(
    string? Id,
    string? Name,
    string? Username,
    string? Headline,
    string? TwitterUsername,
    string? WebsiteUrl,
    string? Url,
    DateTimeOffset? CreatedAt,
    string? ProfileImage,
    string? CoverImage,
    bool? IsMaker
);

internal sealed record MediaNode(string? Type, string? Url, string? VideoUrl);

internal sealed record ProductLinkNode(string? Type, string? Url);

internal sealed record TopicNode(
    string? Id,
    string? Name,
    string? Slug,
    string? Description,
    string? Url,
    DateTimeOffset? CreatedAt,
    int? FollowersCount,
    int? PostsCount,
    string? Image
);

internal sealed record TopicConnectionNode(List<TopicNode?>? Nodes, PageInfoNode? PageInfo, int? TotalCount);

internal sealed record PostNode(
    string? Id,
    string? Name,
    string? Slug,
    string? Tagline,
    string? Description,
    string? Url,
    string? Website,
    int? CommentsCount,
    int? VotesCount,
    int? ReviewsCount,
    double? ReviewsRating,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? FeaturedAt,
    string? UserId,
    List<UserNode?>? Makers,
    List<MediaNode?>? Media,
    MediaNode? Thumbnail,
    List<ProductLinkNode?>? ProductLinks,
    TopicConnectionNode? Topics
);

internal sealed record CollectionNode(
    string? Id,
    string? Name,
    string? Tagline,
    string? Description,
    string? Url,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? FeaturedAt,
    int? FollowersCount,
    string? CoverImage,
    string? UserId,
    TopicConnectionNode? Topics
);

internal sealed record CommentNode(
    string? Id,
    string? Body,
    string? Url,
    DateTimeOffset? CreatedAt,
    int? VotesCount,
    string? UserId,
    string? ParentId,
    RawConnection? Replies
);

internal sealed record VoteNode(string? Id, DateTimeOffset? CreatedAt, string? UserId);

internal sealed record IdNode(string? Id);

/// <summary>A connection whose nodes are kept as raw JSON, so that each node is read (and possibly rejected) on its own.</summary>
internal sealed record RawConnection(List<JsonElement>? Nodes, PageInfoNode? PageInfo, int? TotalCount);

internal sealed record ViewerNode(UserNode? User);

internal sealed record OAuthTokenNode(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("scope")] string? Scope
);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict
)]
[JsonSerializable(typeof(PageInfoNode))]
[JsonSerializable(typeof(UserNode))]
[JsonSerializable(typeof(TopicNode))]
[JsonSerializable(typeof(PostNode))]
[JsonSerializable(typeof(CollectionNode))]
[JsonSerializable(typeof(CommentNode))]
[JsonSerializable(typeof(VoteNode))]
[JsonSerializable(typeof(IdNode))]
[JsonSerializable(typeof(RawConnection))]
[JsonSerializable(typeof(ViewerNode))]
[JsonSerializable(typeof(OAuthTokenNode))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
