namespace PHDB.Testing.Truth;

/// <summary>
/// One line of <c>/_sim/truth/vote_bursts</c>: a seeded vote burst of a launched post, the answer spike detection
/// should find.
/// </summary>
/// <param name="PostId">The post.</param>
/// <param name="Hour">Whole hours after launch at which the burst hour starts.</param>
/// <param name="StartsAt">When the burst hour starts.</param>
/// <param name="EndsAt">When it ends (exclusive).</param>
/// <param name="Votes">Votes cast inside the burst hour.</param>
/// <param name="VotesByNow">How many of them are cast by the simulated now.</param>
/// <param name="FinalVotes">The post's final votes.</param>
public sealed record TruthVoteBurst(
    long PostId,
    int Hour,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Votes,
    int VotesByNow,
    int FinalVotes
);
