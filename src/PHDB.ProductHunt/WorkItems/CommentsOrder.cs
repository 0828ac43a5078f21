namespace PHDB.ProductHunt;

/// <summary>How comments and replies are sorted.</summary>
public enum CommentsOrder
{
    /// <summary><c>NEWEST</c> (the API's default).</summary>
    Newest,

    /// <summary><c>VOTES_COUNT</c>.</summary>
    VotesCount,
}
