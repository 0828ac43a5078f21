namespace PHDB.Simulator.World;

/// <summary>The arguments of <c>Query.posts</c> that select and order posts.</summary>
/// <param name="FeaturedOnly">Only featured posts; bounds then apply to featuredAt.</param>
/// <param name="After">Inclusive lower bound (simulated seconds), or null.</param>
/// <param name="Before">Inclusive upper bound (simulated seconds), or null.</param>
/// <param name="Topic">Topic index; -1 for no topic filter, -2 for an unknown slug.</param>
/// <param name="Url">Product website to match, or null.</param>
/// <param name="TwitterUrl">Twitter URL to match, or null.</param>
/// <param name="Order">The order.</param>
internal readonly record struct PostFilter(
    bool FeaturedOnly,
    int? After,
    int? Before,
    int Topic,
    string? Url,
    string? TwitterUrl,
    PostsOrder Order
)
{
    public const int NoTopic = -1;
    public const int UnknownTopic = -2;
}
