using PHDB.Export.Analysis;

namespace PHDB.Export.Tests.Analysis;

/// <summary>Constructed first-week vote curves for the detector's unit tests.</summary>
internal static class Curves
{
    public static readonly DateTime Launch = new(2025, 3, 4, 8, 1, 0, DateTimeKind.Utc);

    /// <summary>
    /// The votes per hour of a post with <paramref name="total"/> votes whose i-th vote arrives at the usual launch
    /// curve's quantile (most on launch day, then a slow tail), like the simulator's.
    /// </summary>
    public static int[] Smooth(int total)
    {
        var votes = new int[168];
        for (var i = 0; i < total; i++)
        {
            var q = (i + 0.5) / total;
            var hours = q < 0.7 ? 24 * Math.Pow(q / 0.7, 2) : 24 + (24 * 400 * Math.Pow((q - 0.7) / 0.3, 2.5));
            if (hours < 168)
            {
                votes[(int)hours]++;
            }
        }

        return votes;
    }

    public static PostVoteCurve Curve(long id, int[] votes, bool complete = true) =>
        new(id, Launch.AddDays(id), votes, complete);

    /// <summary>60 ordinary posts with 80 to 400 first-week votes.</summary>
    public static List<PostVoteCurve> Reference() =>
        [.. Enumerable.Range(0, 60).Select(i => Curve(1000 + i, Smooth(100 + (i * 5))))];
}
