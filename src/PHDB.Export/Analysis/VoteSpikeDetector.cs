using PHDB.Export.Schema;

namespace PHDB.Export.Analysis;

/// <summary>
/// Finds hours in which a post received an outlying share of its first-week votes. Each post's curve is normalised to
/// shares of its first-week votes; per hour since launch, the median and the median absolute deviation (MAD, scaled by
/// 1.4826 and floored) of the comparable posts' shares give a bound median + k × MAD; an hour above it with enough
/// votes is a spike. Comparable posts are the complete curves with enough votes in the same power-of-two band of
/// first-week votes, widened to the neighbouring bands until there are enough of them. Pure: no I/O.
/// </summary>
public sealed class VoteSpikeDetector
{
    private const double MadScale = 1.4826;

    private readonly VoteSpikeOptions options;

    /// <summary>Creates a detector with <paramref name="options"/> (the defaults when <c>null</c>).</summary>
    public VoteSpikeDetector(VoteSpikeOptions? options = null)
    {
        this.options = options ?? VoteSpikeOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(this.options.K);
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MinPostVotes, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(this.options.MadFloor);
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MinReferencePosts, 1);
    }

    /// <summary>The settings in force.</summary>
    public VoteSpikeOptions Options => options;

    /// <summary>The spikes among <paramref name="curves"/>, by post id and hour.</summary>
    public IReadOnlyList<VoteSpike> Detect(IReadOnlyList<PostVoteCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var eligible = curves
            .Where(c => c.Complete && c.Total >= options.MinPostVotes && c.Votes.Count == DerivedTables.Hours)
            .OrderBy(c => c.Total)
            .ThenBy(c => c.PostId)
            .ToArray();
        if (eligible.Length < options.MinReferencePosts)
        {
            return [];
        }

        var shares = eligible.Select(Shares).ToArray();
        var bands = eligible.Select(c => Band(c.Total)).ToArray();
        var spikes = new List<VoteSpike>();
        foreach (var band in bands.Distinct())
        {
            var (from, to) = Reference(bands, band);
            var (median, mad) = Statistics(shares, from, to);
            for (var p = 0; p < eligible.Length; p++)
            {
                if (bands[p] != band)
                {
                    continue;
                }

                var curve = eligible[p];
                for (var h = 0; h < DerivedTables.Hours; h++)
                {
                    var votes = curve.Votes[h];
                    var bound = median[h] + (options.K * mad[h]);
                    if (votes < options.MinSpikeVotes || shares[p][h] <= bound)
                    {
                        continue;
                    }

                    spikes.Add(
                        new VoteSpike(
                            curve.PostId,
                            h,
                            curve.LaunchedAt.AddHours(h),
                            votes,
                            curve.Total,
                            shares[p][h],
                            median[h],
                            mad[h],
                            bound,
                            (shares[p][h] - median[h]) / mad[h],
                            to - from
                        )
                    );
                }
            }
        }

        return [.. spikes.OrderBy(s => s.PostId).ThenBy(s => s.Hour)];
    }

    private static double[] Shares(PostVoteCurve curve)
    {
        var shares = new double[DerivedTables.Hours];
        for (var h = 0; h < shares.Length; h++)
        {
            shares[h] = (double)curve.Votes[h] / curve.Total;
        }

        return shares;
    }

    private static int Band(int total) => (int)Math.Floor(Math.Log2(total));

    /// <summary>The range [from, to) of the sorted eligible posts compared with posts of <paramref name="band"/>.</summary>
    private (int From, int To) Reference(int[] bands, int band)
    {
        var low = band;
        var high = band;
        var (from, to) = Range(bands, low, high);
        var min = bands[0];
        var max = bands[^1];
        while (to - from < options.MinReferencePosts && (low > min || high < max))
        {
            low--;
            high++;
            (from, to) = Range(bands, low, high);
        }

        return (from, to);
    }

    private static (int From, int To) Range(int[] bands, int low, int high)
    {
        var from = Array.FindIndex(bands, b => b >= low);
        var to = Array.FindLastIndex(bands, b => b <= high) + 1;
        return (from, to);
    }

    /// <summary>Per hour: the median share of posts [from, to) and their scaled, floored MAD.</summary>
    private (double[] Median, double[] Mad) Statistics(double[][] shares, int from, int to)
    {
        var median = new double[DerivedTables.Hours];
        var mad = new double[DerivedTables.Hours];
        var column = new double[to - from];
        for (var h = 0; h < DerivedTables.Hours; h++)
        {
            for (var p = from; p < to; p++)
            {
                column[p - from] = shares[p][h];
            }

            median[h] = Median(column);
            for (var i = 0; i < column.Length; i++)
            {
                column[i] = Math.Abs(column[i] - median[h]);
            }

            mad[h] = Math.Max(MadScale * Median(column), options.MadFloor);
        }

        return (median, mad);
    }

    /// <summary>The median of <paramref name="values"/> (sorted in place).</summary>
    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
