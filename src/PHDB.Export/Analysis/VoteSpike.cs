namespace PHDB.Export.Analysis;

/// <summary>One hour in which a post received far more of its first-week votes than comparable posts did then.</summary>
/// <param name="PostId">The post.</param>
/// <param name="Hour">Whole hours since launch (0–167).</param>
/// <param name="HourStart">When the hour begins (UTC).</param>
/// <param name="Votes">Votes in the hour.</param>
/// <param name="PostVotes">The post's votes in its first 7 days.</param>
/// <param name="Share">Votes / PostVotes.</param>
/// <param name="ExpectedShare">The median share of the comparable posts at this hour.</param>
/// <param name="Mad">Their median absolute deviation, scaled by 1.4826 and raised to the floor: the spread used.</param>
/// <param name="Bound">ExpectedShare + k × Mad: the share above which an hour is a spike.</param>
/// <param name="Score">(Share − ExpectedShare) / Mad: how many spreads above the median.</param>
/// <param name="ComparablePosts">How many posts the median and MAD were taken over.</param>
public sealed record VoteSpike(
    long PostId,
    int Hour,
    DateTime HourStart,
    int Votes,
    int PostVotes,
    double Share,
    double ExpectedShare,
    double Mad,
    double Bound,
    double Score,
    int ComparablePosts
)
{
    /// <summary>The votes the median share gives this post in the hour.</summary>
    public double ExpectedVotes => ExpectedShare * PostVotes;

    /// <summary>The votes the bound gives this post in the hour.</summary>
    public double BoundVotes => Bound * PostVotes;
}
