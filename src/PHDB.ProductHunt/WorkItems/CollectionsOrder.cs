namespace PHDB.ProductHunt;

/// <summary>How <c>collections</c> are sorted.</summary>
public enum CollectionsOrder
{
    /// <summary><c>FOLLOWERS_COUNT</c> (the API's default).</summary>
    FollowersCount,

    /// <summary><c>NEWEST</c>.</summary>
    Newest,

    /// <summary><c>FEATURED_AT</c>.</summary>
    FeaturedAt,
}
