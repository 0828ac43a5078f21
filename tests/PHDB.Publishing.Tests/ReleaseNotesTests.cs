using PHDB.Export;

namespace PHDB.Publishing.Tests;

public sealed class ReleaseNotesTests
{
    private static readonly DateTimeOffset HighWater = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void The_first_release_counts_every_row_and_names_the_runs_it_holds()
    {
        var manifest = Manifest(new() { ["posts"] = 60, ["users"] = 1_120 }, lastRunId: 2);
        var notes = ReleaseNotes.Generate(manifest, null, [Run(1, "full"), Run(2, "incremental")]);

        Assert.Equal(
            "First release: 1,180 rows in 2 tables (posts 60; users 1,120).\n"
                + "Harvested through 2026-01-02 03:04:05 UTC.\n"
                + "Includes harvest runs #1–#2 (1 full, 1 incremental).",
            notes
        );
    }

    [Fact]
    public void A_later_release_lists_the_rows_added_per_changed_table_then_the_unchanged_ones()
    {
        var previous = Previous(
            new()
            {
                ["posts"] = 60,
                ["users"] = 120,
                ["votes"] = 10,
            },
            version: 3,
            lastRunId: 2
        );
        var manifest = Manifest(
            new()
            {
                ["posts"] = 75,
                ["users"] = 120,
                ["votes"] = 1_500,
            },
            lastRunId: 5
        );
        var notes = ReleaseNotes.Generate(
            manifest,
            previous,
            [Run(3, "incremental"), Run(4, "incremental"), Run(5, "full")]
        );

        Assert.Equal(
            "Rows added since version 3 (2026-01-01): posts +15 (total 75); votes +1,490 (total 1,500).\n"
                + "Unchanged: users.\n"
                + "Harvested through 2026-01-02 03:04:05 UTC.\n"
                + "Includes harvest runs #3–#5 (2 incremental, 1 full).",
            notes
        );
    }

    [Fact]
    public void A_release_without_a_new_run_says_so()
    {
        var tables = new Dictionary<string, long> { ["posts"] = 60, ["users"] = 120 };
        var notes = ReleaseNotes.Generate(
            Manifest(tables, lastRunId: 5),
            Previous(tables, version: 2, lastRunId: 5),
            []
        );

        Assert.Equal(
            "No rows changed since version 2 (2026-01-01): 180 rows in 2 tables.\n"
                + "Harvested through 2026-01-02 03:04:05 UTC.\n"
                + "No harvest run finished since the last release.",
            notes
        );
    }

    [Fact]
    public void Runs_the_export_cannot_hold_are_not_claimed_and_one_run_is_named_alone()
    {
        var tables = new Dictionary<string, long> { ["posts"] = 61 };
        var notes = ReleaseNotes.Generate(
            Manifest(tables, lastRunId: 6),
            Previous(new() { ["posts"] = 60 }, version: 2, lastRunId: 5),
            [Run(6, "incremental"), Run(7, "incremental")]
        );

        Assert.EndsWith("\nIncludes harvest run #6 (incremental).", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("#7", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_are_the_same_for_the_same_inputs_and_stay_short_with_many_tables()
    {
        var before = Enumerable.Range(0, 300).ToDictionary(i => $"table_number_{i:D3}", i => (long)i);
        var after = before.ToDictionary(t => t.Key, t => t.Value + 1_000);
        var runs = Enumerable.Range(10, 200).Select(i => Run(i, i % 7 == 0 ? "full" : "incremental")).ToList();
        var first = ReleaseNotes.Generate(Manifest(after, 300), Previous(before, 1, 9), runs);
        var second = ReleaseNotes.Generate(Manifest(after, 300), Previous(before, 1, 9), runs);

        Assert.Equal(first, second);
        Assert.InRange(first.Length, 100, ReleaseNotes.MaxLength);
        Assert.Contains("more", first, StringComparison.Ordinal);
        Assert.Contains("Includes harvest runs #10–#209", first, StringComparison.Ordinal);
    }

    private static ExportManifest Manifest(Dictionary<string, long> tables, long? lastRunId) =>
        new(
            1,
            "phdb",
            ["csv"],
            HighWater,
            HighWater,
            HighWater,
            new HarvestHighWater(HighWater, null, null, null, lastRunId, null),
            tables,
            []
        );

    private static PublicationRecord Previous(Dictionary<string, long> tables, int version, long lastRunId) =>
        new(
            7,
            "owner/some-dataset",
            "test",
            new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 1, 1, 10, 5, 0, TimeSpan.Zero),
            PublicationOutcome.Succeeded,
            PublicationStage.Done,
            version,
            "owner/some-dataset",
            null,
            "",
            3,
            100,
            "20260101T100000Z",
            tables,
            lastRunId,
            null,
            null,
            []
        );

    private static HarvestRunSummary Run(long id, string mode) =>
        new(id, mode, HighWater.AddHours(-id), HighWater.AddHours(-id).AddMinutes(30));
}
