namespace PHDB.Simulator.GraphQL;

/// <summary>A post as a GraphQL source object.</summary>
internal sealed record PostNode(int Index);

/// <summary>A user as a GraphQL source object.</summary>
internal sealed record UserNode(int Index);

/// <summary>A topic as a GraphQL source object.</summary>
internal sealed record TopicNode(int Index);

/// <summary>A collection as a GraphQL source object.</summary>
internal sealed record CollectionNode(int Index);

/// <summary>A comment as a GraphQL source object: the post and the comment's ordinal on it.</summary>
internal sealed record CommentNode(int Post, int Ordinal);

/// <summary>A vote as a GraphQL source object.</summary>
internal sealed record VoteNode(long Id, int CreatedAt, int UserIndex);

/// <summary>A media item as a GraphQL source object.</summary>
internal sealed record MediaNode(string Type, string BaseUrl, string? VideoUrl);

/// <summary>A product link as a GraphQL source object.</summary>
internal sealed record ProductLinkNode(string Type, string Url);

/// <summary>The viewer scope as a GraphQL source object.</summary>
internal sealed record ViewerNode(int UserIndex);

/// <summary>A connection edge.</summary>
internal sealed record EdgeNode(object Node, int Position);

/// <summary>A mutation payload.</summary>
internal sealed record FollowPayload(string? ClientMutationId, UserNode? Node);
