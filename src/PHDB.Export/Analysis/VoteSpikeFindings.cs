using System.Globalization;
using PHDB.Storage;

namespace PHDB.Export.Analysis;

/// <summary>Turns spikes into data-quality findings (one per post, its strongest hour) for <c>RecordFindingsAsync</c>.</summary>
public static class VoteSpikeFindings
{
    /// <summary>The findings' check name.</summary>
    public const string CheckName = "vote_spike";

    /// <summary>The findings' entity.</summary>
    public const string Entity = "post";

    /// <summary>One finding per post with spikes, describing its highest-scoring hour with its numbers.</summary>
    /// <param name="spikes">The detector's spikes.</param>
    /// <param name="k">The k the detector used, quoted in the detail.</param>
    public static IReadOnlyList<NewQualityFinding> ToFindings(IReadOnlyList<VoteSpike> spikes, double k)
    {
        ArgumentNullException.ThrowIfNull(spikes);
        return
        [
            .. spikes
                .GroupBy(s => s.PostId)
                .OrderBy(g => g.Key)
                .Select(g =>
                {
                    var top = g.OrderByDescending(s => s.Score).ThenBy(s => s.Hour).First();
                    return new NewQualityFinding(Entity, g.Key, CheckName, Detail(top, k, g.Count() - 1));
                }),
        ];
    }

    /// <summary>The human-readable detail of a spike.</summary>
    public static string Detail(VoteSpike spike, double k, int otherHours = 0)
    {
        ArgumentNullException.ThrowIfNull(spike);
        var c = CultureInfo.InvariantCulture;
        var detail = string.Create(
            c,
            $"{spike.Votes} votes in hour {spike.Hour} after launch (from {spike.HourStart:yyyy-MM-dd HH:mm} UTC): "
                + $"{spike.Share:P1} of its {spike.PostVotes} first-week votes, where {spike.ComparablePosts} comparable posts "
                + $"had a median of {spike.ExpectedShare:P2} (≈{spike.ExpectedVotes:0.#} votes) and a MAD of {spike.Mad:P2}; "
                + $"bound {spike.Bound:P2} (k = {k:0.##}, ≈{spike.BoundVotes:0.#} votes); score {spike.Score:0.#}."
        );
        return otherHours > 0
            ? detail
                + string.Create(c, $" {otherHours} more hour{(otherHours == 1 ? "" : "s")} of this post also spiked.")
            : detail;
    }
}
