namespace PHDB.Domain;

/// <summary>
/// A topic. Inside a post the API is usually asked for a stub (id, name, slug); the other fields are then
/// <see langword="null"/>, meaning "not seen", never "empty": storage keeps what it already knows for them.
/// </summary>
public sealed record Topic(
    long Id,
    string Name,
    string Slug,
    string? Description = null,
    string? Url = null,
    DateTimeOffset? CreatedAt = null,
    int? FollowersCount = null,
    int? PostsCount = null,
    string? Image = null
)
{
    /// <summary>Whether this is a stub (only id, name and slug seen).</summary>
    public bool IsStub => Description is null && FollowersCount is null && PostsCount is null && CreatedAt is null;
}
