namespace PHDB.Domain;

/// <summary>
/// Everything one harvest step read, written as one unit: entities in any order and from any number of
/// pages. References to entities not (yet) in the batch or the store are allowed; storage keeps them as
/// placeholders until the entity itself arrives.
/// </summary>
public sealed record HarvestBatch
{
    /// <summary>Disclosed users.</summary>
    public IReadOnlyList<User> Users { get; init; } = [];

    /// <summary>Topics, full or stubs.</summary>
    public IReadOnlyList<Topic> Topics { get; init; } = [];

    /// <summary>Posts with their makers, media, links and topics.</summary>
    public IReadOnlyList<Post> Posts { get; init; } = [];

    /// <summary>Collections.</summary>
    public IReadOnlyList<Collection> Collections { get; init; } = [];

    /// <summary>Pages of collections' posts.</summary>
    public IReadOnlyList<CollectionPosts> CollectionPosts { get; init; } = [];

    /// <summary>Comments and replies.</summary>
    public IReadOnlyList<Comment> Comments { get; init; } = [];

    /// <summary>Votes on posts and comments.</summary>
    public IReadOnlyList<Vote> Votes { get; init; } = [];

    /// <summary>Whether the batch holds nothing.</summary>
    public bool IsEmpty =>
        Users.Count == 0
        && Topics.Count == 0
        && Posts.Count == 0
        && Collections.Count == 0
        && CollectionPosts.Count == 0
        && Comments.Count == 0
        && Votes.Count == 0;
}
