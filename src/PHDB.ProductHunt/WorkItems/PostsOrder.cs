namespace PHDB.ProductHunt;

/// <summary>How <c>posts</c> are sorted (always descending).</summary>
public enum PostsOrder
{
    /// <summary><c>RANKING</c>: day of featuring, then rank score (the API's default).</summary>
    Ranking,

    /// <summary><c>NEWEST</c>.</summary>
    Newest,

    /// <summary><c>FEATURED_AT</c> (no tie-breaker).</summary>
    FeaturedAt,

    /// <summary><c>VOTES</c>.</summary>
    Votes,
}
