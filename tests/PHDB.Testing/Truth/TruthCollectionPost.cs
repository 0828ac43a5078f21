namespace PHDB.Testing.Truth;

/// <summary>One line of <c>/_sim/truth/collection_posts</c>: a launched post of a visible collection.</summary>
public sealed record TruthCollectionPost(long CollectionId, long PostId);
