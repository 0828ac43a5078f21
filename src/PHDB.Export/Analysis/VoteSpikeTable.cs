using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Analysis;

/// <summary>The <c>vote_spikes</c> table: the detector's spikes, computed in memory and written like any table.</summary>
public static class VoteSpikeTable
{
    /// <summary>The table (its <see cref="ExportTable.Query"/> is <c>null</c>: rows come from <see cref="ToBatches"/>).</summary>
    public static readonly ExportTable Table = new(
        "vote_spikes",
        "An hour in which a post received an outlying share of its first-week votes (docs/adr/0011-vote-spike-detection.md). "
            + "Shares are of the post's votes in its first 7 days (post_votes_hourly); the expected share and its spread are the median "
            + "and the scaled median absolute deviation of comparable posts (complete first weeks with a similar number of votes) at the "
            + "same hour since launch; the hour is a spike when its share exceeds median + k × spread and it holds enough votes. "
            + "Each spiking post also has a quality_findings row (check_name vote_spike) for its strongest hour.",
        [
            Columns.Ref("post_id", "The post."),
            Columns.Count("hour", "Whole hours since launch, 0–167.", false),
            Columns.Time("hour_start", "When the hour begins (UTC).", nullable: false),
            Columns.Count("votes", "Votes cast in the hour.", false),
            Columns.Count("post_votes", "The post's votes in its first 7 days.", false),
            Columns.Number("share", "votes / post_votes.", false),
            Columns.Number("expected_share", "Median share of the comparable posts at this hour.", false),
            Columns.Number(
                "mad",
                "Their median absolute deviation × 1.4826, at least the floor (the spread used).",
                false
            ),
            Columns.Number("bound", "expected_share + k × mad: the share above which the hour is a spike.", false),
            Columns.Number("expected_votes", "expected_share × post_votes.", false),
            Columns.Number("score", "(share − expected_share) / mad.", false),
            Columns.Count("comparable_posts", "How many posts the median and the MAD were taken over.", false),
        ],
        null,
        ["post_id", "hour"],
        [new("post_id", "posts")],
        []
    );

    /// <summary>The spikes as batches of up to <paramref name="batchRows"/> rows of <see cref="Table"/>, for the writers.</summary>
    public static IEnumerable<RowBatch> ToBatches(IReadOnlyList<VoteSpike> spikes, int batchRows = 10_000)
    {
        ArgumentNullException.ThrowIfNull(spikes);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        return Batches(spikes, batchRows);
    }

    private static IEnumerable<RowBatch> Batches(IReadOnlyList<VoteSpike> spikes, int batchRows)
    {
        var batch = new RowBatch(Table, batchRows);
        foreach (var spike in spikes)
        {
            var row = batch.AddRow();
            batch.Int64s(0)[row] = spike.PostId;
            batch.Int32s(1)[row] = spike.Hour;
            batch.Timestamps(2)[row] = DateTime.SpecifyKind(spike.HourStart, DateTimeKind.Utc);
            batch.Int32s(3)[row] = spike.Votes;
            batch.Int32s(4)[row] = spike.PostVotes;
            batch.Doubles(5)[row] = spike.Share;
            batch.Doubles(6)[row] = spike.ExpectedShare;
            batch.Doubles(7)[row] = spike.Mad;
            batch.Doubles(8)[row] = spike.Bound;
            batch.Doubles(9)[row] = spike.ExpectedVotes;
            batch.Doubles(10)[row] = spike.Score;
            batch.Int32s(11)[row] = spike.ComparablePosts;
            if (batch.IsFull)
            {
                yield return batch;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
