using System.Globalization;
using PHDB.Storage;

namespace PHDB.Admin.Data;

/// <summary>Builds the chart series of the post and topic pages from the stored read models.</summary>
public static class ChartSeriesBuilder
{
    /// <summary>Most x-axis labels shown; the others are left blank so that labels do not overlap.</summary>
    public const int MaxLabels = 12;

    /// <summary>
    /// A post's votes at each stored snapshot, oldest first, or <see langword="null"/> when there are fewer than
    /// two snapshots (no line to draw).
    /// </summary>
    public static ChartSeriesData? VotesOverTime(IReadOnlyList<PostSnapshot> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count < 2)
        {
            return null;
        }

        var ordered = history.OrderBy(s => s.ObservedAt).ToList();
        var span = ordered[^1].ObservedAt - ordered[0].ObservedAt;
        var format =
            span < TimeSpan.FromHours(1) ? "HH:mm:ss"
            : span < TimeSpan.FromDays(2) ? "MM-dd HH:mm"
            : "yyyy-MM-dd";
        return new ChartSeriesData(
            "Votes",
            Thin([.. ordered.Select(s => s.ObservedAt.UtcDateTime.ToString(format, CultureInfo.InvariantCulture))]),
            [.. ordered.Select(s => (double)s.VotesCount)]
        );
    }

    /// <summary>
    /// Posts per month from the first month with posts to the last, months without posts included as zero.
    /// </summary>
    public static ChartSeriesData PostsPerMonth(IReadOnlyList<MonthlyCount> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0)
        {
            return new ChartSeriesData("Posts", [], []);
        }

        var byMonth = months.GroupBy(m => FirstOfMonth(m.Month)).ToDictionary(g => g.Key, g => g.Sum(m => m.Posts));
        var first = byMonth.Keys.Min();
        var last = byMonth.Keys.Max();
        var labels = new List<string>();
        var values = new List<double>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            labels.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            values.Add(byMonth.GetValueOrDefault(month));
        }

        return new ChartSeriesData("Posts", Thin(labels), values);
    }

    /// <summary>Keeps at most <paramref name="max"/> evenly spaced labels (always the first) and blanks the rest.</summary>
    public static IReadOnlyList<string> Thin(IReadOnlyList<string> labels, int max = MaxLabels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (labels.Count <= max)
        {
            return labels;
        }

        var step = (int)Math.Ceiling(labels.Count / (double)max);
        return [.. labels.Select((label, i) => i % step == 0 ? label : "")];
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
