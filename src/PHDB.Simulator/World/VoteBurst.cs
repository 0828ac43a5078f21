namespace PHDB.Simulator.World;

/// <summary>
/// A seeded vote burst on one post: <see cref="Votes"/> of its votes are cast inside hour <see cref="Hour"/> after
/// launch. The post's vote times stay a non-decreasing function of the ordinal: ordinals before the burst keep the
/// usual curve (so every count before the burst hour is unchanged), the burst's ordinals spread evenly over the hour,
/// and later ordinals follow the usual curve from the end of the hour on, thinned to the votes that remain.
/// </summary>
internal sealed class VoteBurst
{
    private const int HourSeconds = 3600;

    /// <summary>Creates the burst of a post with <paramref name="finalVotes"/> votes.</summary>
    /// <param name="hour">Whole hours after launch at which the burst hour starts.</param>
    /// <param name="requestedVotes">Votes wanted inside the hour; raised above the usual curve's votes of that hour and capped by the votes left.</param>
    /// <param name="finalVotes">The post's final votes.</param>
    public VoteBurst(int hour, int requestedVotes, int finalVotes)
    {
        Hour = hour;
        FinalVotes = finalVotes;
        FirstOrdinal = Timeline.FirstAtOrAfter(Timeline.PostVoteOffset, finalVotes, (long)hour * HourSeconds);
        ResumeOrdinal = Timeline.FirstAtOrAfter(Timeline.PostVoteOffset, finalVotes, (long)(hour + 1) * HourSeconds);
        Votes = Math.Min(finalVotes - FirstOrdinal, Math.Max(requestedVotes, ResumeOrdinal - FirstOrdinal + 1));
        Offset = OffsetOf;
    }

    /// <summary>Whole hours after launch at which the burst hour starts.</summary>
    public int Hour { get; }

    /// <summary>Votes cast inside the burst hour (all of that hour's votes).</summary>
    public int Votes { get; }

    /// <summary>The post's final votes.</summary>
    public int FinalVotes { get; }

    /// <summary>The first ordinal inside the burst hour; earlier ordinals keep the usual curve.</summary>
    public int FirstOrdinal { get; }

    /// <summary>The usual curve's first ordinal after the burst hour, where the later ordinals resume it.</summary>
    public int ResumeOrdinal { get; }

    /// <summary>The offset function of this post's votes, for <see cref="Timeline.CountAt"/> and its kin.</summary>
    public Func<int, int, int> Offset { get; }

    /// <summary>Seconds after launch of the i-th of <paramref name="n"/> (the post's final) votes.</summary>
    public int OffsetOf(int i, int n)
    {
        if (i < FirstOrdinal)
        {
            return Timeline.PostVoteOffset(i, n);
        }

        var start = Hour * HourSeconds;
        var inBurst = i - FirstOrdinal;
        if (inBurst < Votes)
        {
            return start + (int)((long)HourSeconds * ((2 * inBurst) + 1) / (2L * Votes));
        }

        var later = n - FirstOrdinal - Votes;
        var position = ResumeOrdinal + ((inBurst - Votes) * (double)(n - ResumeOrdinal) / later);
        return Math.Max(start + HourSeconds, Timeline.PostVoteOffsetAt((position + 0.5) / n));
    }
}
