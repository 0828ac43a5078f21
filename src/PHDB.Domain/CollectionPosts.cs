namespace PHDB.Domain;

/// <summary>
/// Posts of a collection read from its paged <c>posts</c> connection. A page adds links; only a set read from the
/// first page to the last (<see cref="IsComplete"/>) replaces the collection's links, so a post that left the
/// collection loses its link.
/// </summary>
public sealed record CollectionPosts(long CollectionId, IReadOnlyList<long> PostIds, bool IsComplete);
