using System.Globalization;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Benchmarks;

/// <summary>The sweep measurement as text and Markdown tables, ready for docs/benchmarks.md.</summary>
internal static class SweepReport
{
    /// <summary>Live windows in a day (15 minutes each).</summary>
    private static readonly double WindowsPerDay = TimeSpan.FromDays(1) / BenchmarkOptions.LiveWindow;

    /// <summary>A token's requests a day at the live limits under the flat model (6,000).</summary>
    private static readonly double RequestsPerDay =
        WindowsPerDay * BenchmarkOptions.Points / BenchmarkOptions.CostPerRequest;

    /// <summary>A token's complexity points a day at the live limits under the complexity model (600,000).</summary>
    private static readonly double ComplexityPerDay = WindowsPerDay * BenchmarkOptions.Points;

    public static void Write(TextWriter output, SweepOptions options, SweepOutcome outcome)
    {
        var full = outcome.Full;
        var run = outcome.Incremental;
        var change = outcome.Change;
        output.WriteLine(
            Line(
                $"Sweep of the whole history: world of {outcome.Posts:N0} posts (--scale {options.Scale:N0}); complexity cap {options.Cap:N0}; rate limit out of the way; {options.Silos} silos × {options.Workers} workers; Harvest:SweepInterval and Harvest:SweepCommentsInterval 0"
            )
        );
        output.WriteLine(
            Line(
                $"Full harvest: {full.Wall.TotalSeconds:N1} s, {full.Requests:N0} requests, {full.RateLimited} × 429, {full.Parked} parked; truth: {Verdict(full.Truth)}"
            )
        );
        output.WriteLine(
            Line(
                $"Clock advanced {options.Days} day(s): {change.NewPosts:N0} new posts, {change.NewComments:N0} new comments, {change.NewVotes:N0} new votes; counts moved on {change.PostsWithMovedCounts:N0} older posts; {change.PostsEdited:N0} older posts edited ({change.PostsEditedQuietly:N0} with no count moved)"
            )
        );
        output.WriteLine(
            Line(
                $"Incremental run {run.RunId} with the sweep: {run.Wall.TotalSeconds:N1} s, {run.Requests:N0} requests, {run.RateLimited} × 429, {run.Parked} parked, {run.Partitions.Count:N0} partitions"
            )
        );

        output.WriteLine();
        var groups = PartitionGroup.Of(run.RunId, run.Partitions);
        var points = Math.Max(1, groups.Sum(g => g.Points));
        output.WriteLine("| partitions | count | pages | rows | complexity (client's estimate) | ≈ requests |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in groups)
        {
            output.WriteLine(
                Line(
                    $"| {group.Kind} | {group.Partitions:N0} | {group.Pages:N0} | {group.Rows:N0} | {group.Points:N0} | {run.Requests * (double)group.Points / points:N0} |"
                )
            );
        }

        output.WriteLine(
            Line(
                $"| all | {run.Partitions.Count:N0} | {groups.Sum(g => g.Pages):N0} | {groups.Sum(g => g.Rows):N0} | {groups.Sum(g => g.Points):N0} | {run.Requests:N0} |"
            )
        );

        output.WriteLine();
        var read = Math.Max(1, run.ComplexityRead);
        output.WriteLine("| connection | complexity read | share | ≈ requests |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var (connection, complexity) in run.Complexity.Where(c => c.Value > 0).OrderByDescending(c => c.Value))
        {
            output.WriteLine(
                Line(
                    $"| {connection} | {complexity:N0} | {complexity / (double)read:P1} | {run.Requests * (double)complexity / read:N0} |"
                )
            );
        }

        output.WriteLine(Line($"| all | {run.ComplexityRead:N0} | 100.0 % | {run.Requests:N0} |"));
        output.WriteLine();
        output.WriteLine(
            Line(
                $"complexity read: {run.ComplexityRead:N0} points, {run.ComplexityRead / (double)Math.Max(1, run.Requests):N0} per request (cap {options.Cap:N0}); {groups.Sum(g => g.Pages) / (double)Math.Max(1, run.Requests):N1} pages per request"
            )
        );
        output.WriteLine(
            "≈ requests: a request carries pages of several partitions and connections (packed to the cap), so each one's"
                + " requests are its share of the run's complexity, not counted one by one."
        );
        if (groups.Any(g => g.Kind.EndsWith("(sweep-comments/)", StringComparison.Ordinal)))
        {
            output.WriteLine(
                "With the comments due, the sweep's windows list the posts and re-read their comments under one key"
                    + " (sweep-comments/): the keys do not separate the two listings; the connections do (posts: the"
                    + " lean listing, with the check's and the refresh's pages; post.comments: the comments re-read,"
                    + " with the comments of the posts read again)."
            );
        }

        output.WriteLine();
        output.WriteLine(Line($"Truth after the incremental run: {Verdict(run.Truth)}"));
        foreach (var set in run.Truth.Sets)
        {
            output.WriteLine(
                Line(
                    $"  {set.Name}: truth {set.TruthCount:N0}, database {set.DatabaseCount:N0}, {(set.IsExactMatch ? "exact" : $"DIFFERENT (missing {set.MissingCount:N0}, unexpected {set.UnexpectedCount:N0}, differing {set.DifferingCount:N0})")}"
                )
            );
        }

        if (!run.Truth.IsExactMatch)
        {
            output.WriteLine(run.Truth);
        }

        output.WriteLine();
        output.WriteLine("Share of a day's budget per token at the live limits (6,250 points per 15 minutes):");
        output.WriteLine(
            Line(
                $"  Flat model (100 points a request: {RequestsPerDay:N0} requests a day): {run.Requests:N0} requests = {run.Requests / RequestsPerDay:P2}"
            )
        );
        output.WriteLine(
            Line(
                $"  Complexity model (6,250 × {WindowsPerDay:N0} = {ComplexityPerDay:N0} complexity points a day): {run.ComplexityRead:N0} points = {run.ComplexityRead / ComplexityPerDay:P2}"
            )
        );
    }

    private static string Verdict(TruthReport report) =>
        report.IsExactMatch
            ? Line($"exact in all {report.Sets.Count} sets")
            : Line($"{report.Sets.Count(s => !s.IsExactMatch)} of {report.Sets.Count} sets differ");

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
