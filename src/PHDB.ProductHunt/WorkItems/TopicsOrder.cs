namespace PHDB.ProductHunt;

/// <summary>How <c>topics</c> are sorted.</summary>
public enum TopicsOrder
{
    /// <summary><c>NEWEST</c> (the API's default).</summary>
    Newest,

    /// <summary><c>FOLLOWERS_COUNT</c>.</summary>
    FollowersCount,
}
