namespace PHDB.Simulator.GraphQL;

/// <summary>A comment as a GraphQL source object: the post and the comment's ordinal on it.</summary>
internal sealed record CommentNode(int Post, int Ordinal);
