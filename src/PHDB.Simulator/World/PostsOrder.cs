namespace PHDB.Simulator.World;

/// <summary>The <c>PostsOrder</c> enum of the API; every order is descending.</summary>
internal enum PostsOrder
{
    /// <summary>featuredAt descending, ties in no particular (but stable) order, unfeatured posts last.</summary>
    FeaturedAt,

    /// <summary>createdAt (scheduledAt) descending, ties by id descending.</summary>
    Newest,

    /// <summary>Day of featuredAt descending (unfeatured last), then votes, then id descending.</summary>
    Ranking,

    /// <summary>votesCount descending, ties by id descending.</summary>
    Votes,
}
