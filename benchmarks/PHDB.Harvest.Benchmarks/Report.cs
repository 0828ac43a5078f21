using System.Globalization;

namespace PHDB.Harvest.Benchmarks;

/// <summary>The measurements as Markdown tables, ready for docs/benchmarks.md.</summary>
internal static class Report
{
    public static void Write(
        TextWriter output,
        BenchmarkOptions options,
        ComplexityFloor floor,
        OriginalOutcome? original,
        HarvestOutcome? throttled,
        HarvestOutcome? unthrottled
    )
    {
        var window = options.Window;
        if (original is not null || throttled is not null)
        {
            double? originalWindows = original is null ? null : original.Wall / window;
            double? throttledWindows = throttled is null ? null : throttled.Wall / window;
            output.WriteLine(
                Line(
                    $"Live-like limits: {BenchmarkOptions.Points:N0} points per {options.WindowSeconds} s window, {BenchmarkOptions.CostPerRequest} per request; complexity cap {options.Cap:N0}; world of {options.Scale:N0} posts{(options.UntilPosts ? "; harvests stopped once every post was stored" : "")}"
                )
            );
            output.WriteLine();
            output.WriteLine("| measurement | original pattern | PHDB full harvest | PHDB / original |");
            output.WriteLine("|---|---:|---:|---:|");
            Row(
                output,
                "posts per window",
                original is null ? null : original.Posts / originalWindows,
                throttled is null ? null : throttled.Posts / throttledWindows,
                "N0"
            );
            Row(
                output,
                "posts per window while posts remain",
                original is null ? null : original.Posts / originalWindows,
                throttled?.PostsDone is { } done ? throttled.Posts / (done / window) : null,
                "N0"
            );
            Row(
                output,
                "entities per window (posts, comments, votes, topics, collections)",
                original is null ? null : original.Posts / originalWindows,
                throttled is null ? null : throttled.Entities / throttledWindows,
                "N0"
            );
            Row(
                output,
                "budget utilisation",
                original is null ? null : original.PointsSpent / (BenchmarkOptions.Points * originalWindows),
                throttled is null ? null : throttled.PointsSpent / (BenchmarkOptions.Points * throttledWindows),
                "P1"
            );
            Row(output, "429 answers", original?.RateLimited, throttled?.RateLimited, "N0");
            Row(
                output,
                "429 answers per window",
                original is null ? null : original.RateLimited / originalWindows,
                throttled is null ? null : throttled.RateLimited / throttledWindows,
                "N1"
            );
            Row(output, "requests (served and refused)", original?.Requests, throttled?.Requests, "N0");
            Row(output, "windows of wall time", originalWindows, throttledWindows, "N1", ratio: false);
            Row(output, "wall time, s", original?.Wall.TotalSeconds, throttled?.Wall.TotalSeconds, "N1", ratio: false);
            Row(output, "posts read / harvested", original?.Posts, throttled?.Posts, "N0", ratio: false);
            if (throttled is not null)
            {
                output.WriteLine();
                Details(output, "PHDB full harvest, live-like limits", throttled, window, floor, options.Cap);
            }
        }

        if (unthrottled is not null)
        {
            output.WriteLine();
            Details(output, "PHDB full harvest, rate limit out of the way", unthrottled, window, floor, options.Cap);
            output.WriteLine(
                Line(
                    $"Unthrottled: {unthrottled.Posts / unthrottled.Wall.TotalSeconds:N0} posts/s end to end, {unthrottled.AllRows / unthrottled.Wall.TotalSeconds:N0} rows/s, {unthrottled.Requests / unthrottled.Wall.TotalSeconds:N1} requests/s"
                )
            );
        }
    }

    private static void Details(
        TextWriter output,
        string title,
        HarvestOutcome outcome,
        TimeSpan window,
        ComplexityFloor floor,
        int cap
    )
    {
        var windows = outcome.Wall / window;
        output.WriteLine(
            Line(
                $"{title}: {outcome.Wall.TotalSeconds:N1} s ({windows:N1} windows), {outcome.Requests:N0} requests, {outcome.PointsSpent:N0} points, {outcome.RateLimited} × 429, {outcome.Parked} parked partitions"
            )
        );
        output.WriteLine(
            Line(
                $"  all posts stored after {outcome.PostsDone?.TotalSeconds ?? double.NaN:N1} s ({(outcome.PostsDone is { } done ? outcome.Posts / (done / window) : double.NaN):N0} posts per window until then)"
            )
        );
        output.WriteLine(
            Line(
                $"  rows: {string.Join(", ", outcome.Rows.Select(r => $"{r.Key} {r.Value:N0}"))}; {outcome.AllRows / windows:N0} rows per window, {outcome.AllRows / (double)Math.Max(1, outcome.Requests):N1} rows per request"
            )
        );
        output.WriteLine(
            Line(
                $"  requests against the complexity floor at a cap of {cap:N0}: {outcome.Requests:N0} / {floor.Requests(cap):N0} = {outcome.Requests / (double)floor.Requests(cap):N2}×"
            )
        );
        output.WriteLine(
            outcome.Truth switch
            {
                null => "  truth: not compared (the harvest was stopped)",
                { IsExactMatch: true } => Line($"  truth: exact in all {outcome.Truth.Sets.Count} sets"),
                _ => "  truth: differs\n" + outcome.Truth,
            }
        );
        var spent = outcome.Complexity.Values.Sum();
        output.WriteLine(
            Line(
                $"  complexity read: {spent:N0} points against the floor's {floor.Total:N0} = {spent / (double)Math.Max(1, floor.Total):N2}×; {spent / (double)Math.Max(1, outcome.Requests):N0} per request (cap {cap:N0})"
            )
        );
        foreach (var connection in outcome.Complexity.Keys.Union(floor.Points.Keys).Order(StringComparer.Ordinal))
        {
            var read = outcome.Complexity.GetValueOrDefault(connection);
            var least = floor.Points.GetValueOrDefault(connection);
            output.WriteLine(
                Line(
                    $"    {connection}: {read:N0} against {least:N0}{(least > 0 ? $" = {read / (double)least:N2}×" : "")}"
                )
            );
        }
    }

    private static void Row(
        TextWriter output,
        string name,
        double? original,
        double? phdb,
        string format,
        bool ratio = true
    )
    {
        var quotient =
            !ratio || original is null || phdb is null ? ""
            : original == 0 ? (phdb == 0 ? "– (0 / 0)" : "∞")
            : (phdb.Value / original.Value).ToString("0.00", CultureInfo.InvariantCulture) + "×";
        output.WriteLine(
            $"| {name} | {original?.ToString(format, CultureInfo.InvariantCulture) ?? "–"} | {phdb?.ToString(format, CultureInfo.InvariantCulture) ?? "–"} | {quotient} |"
        );
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
