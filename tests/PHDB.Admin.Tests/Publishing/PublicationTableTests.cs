using Bunit;
using PHDB.Admin.Publishing;
using PHDB.Publishing;

namespace PHDB.Admin.Tests.Publishing;

/// <summary>The history table of the Publishing page over publication records as the history returns them.</summary>
public sealed class PublicationTableTests : MudComponentTest
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_succeeded_publication_links_its_dataset_and_shows_version_size_duration_and_notes()
    {
        var table = Render<PublicationTable>(p =>
            p.Add(x => x.Publications, [Succeeded(2)]).Add(x => x.Now, T0.AddHours(1))
        );

        var row = table.Find("tr[data-publication-id='2']");
        Assert.Equal("succeeded", row.GetAttribute("data-outcome"));
        Assert.Equal("succeeded", Cell(row, "publication-outcome"));
        Assert.Equal("2", Cell(row, "publication-version"));
        var link = row.QuerySelector("[data-testid=publication-dataset] a")!;
        Assert.Equal("https://www.kaggle.com/datasets/phdb/product-hunt-archive", link.GetAttribute("href"));
        Assert.Equal("phdb/product-hunt-archive", link.TextContent.Trim());
        Assert.Contains("noopener", link.GetAttribute("rel"), StringComparison.Ordinal);
        Assert.Equal("5", Cell(row, "publication-files"));
        Assert.Equal("1.5 GB", Cell(row, "publication-bytes"));
        Assert.Equal("4 min 10 s", Cell(row, "publication-duration"));
        Assert.Equal("–", Cell(row, "publication-error"));
        Assert.Equal("–", Cell(row, "publication-warnings"));
        var notes = row.QuerySelector("[data-testid=publication-notes] details")!;
        Assert.Equal("Release 2: 120 posts added since version 1.", notes.QuerySelector("summary")!.TextContent);
        Assert.Equal(
            "Release 2: 120 posts added since version 1.\nposts: +120\nruns 4 to 6",
            notes.QuerySelector("[data-testid=publication-notes-text]")!.TextContent
        );
        Assert.All(table.FindAll("th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }

    [Fact]
    public void A_failed_publication_shows_its_error_and_no_link()
    {
        var failed = Succeeded(3) with
        {
            Outcome = PublicationOutcome.Failed,
            FinishedAt = T0.AddSeconds(42),
            Version = null,
            Ref = null,
            Url = null,
            Error = "CreateDatasetVersion refused: The dataset's title must be 6 to 50 characters.",
        };

        var table = Render<PublicationTable>(p => p.Add(x => x.Publications, [failed]).Add(x => x.Now, T0.AddHours(1)));

        var row = table.Find("tr[data-publication-id='3']");
        Assert.Equal("failed", Cell(row, "publication-outcome"));
        Assert.Contains("mud-chip-color-error", row.QuerySelector(".mud-chip")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(failed.Error, Cell(row, "publication-error"));
        Assert.Equal("–", Cell(row, "publication-version"));
        Assert.Equal("phdb/product-hunt-archive", Cell(row, "publication-dataset"));
        Assert.Empty(row.QuerySelectorAll("a"));
        Assert.Equal("42 s", Cell(row, "publication-duration"));
    }

    [Fact]
    public void Dry_runs_running_publications_and_warnings_read_as_such()
    {
        PublicationRecord[] publications =
        [
            Succeeded(6) with
            {
                Outcome = PublicationOutcome.Running,
                Stage = PublicationStage.Uploading,
                FinishedAt = null,
                Version = null,
                Url = null,
                Ref = null,
            },
            Succeeded(5) with
            {
                Outcome = PublicationOutcome.DryRun,
                Dataset = "",
                Version = null,
                Url = null,
                Ref = null,
                Notes = "",
            },
            Succeeded(4) with
            {
                Warnings = ["unknown-tag-a", "unknown-tag-b"],
            },
        ];

        var table = Render<PublicationTable>(p =>
            p.Add(x => x.Publications, publications).Add(x => x.Now, T0.AddMinutes(2).AddSeconds(5))
        );

        var rows = table.FindAll("table[data-testid=publications] tbody tr");
        Assert.Equal(["running", "dry run", "succeeded"], rows.Select(r => r.GetAttribute("data-outcome")));
        Assert.Equal("uploading", Cell(rows[0], "publication-stage"));
        Assert.Equal("2 min 05 s", Cell(rows[0], "publication-duration"));
        Assert.Equal("–", Cell(rows[1], "publication-notes"));
        Assert.Equal("–", Cell(rows[1], "publication-dataset"));
        Assert.Equal(
            ["unknown-tag-a", "unknown-tag-b"],
            rows[2].QuerySelectorAll("[data-testid=publication-warnings] li").Select(li => li.TextContent)
        );
        Assert.StartsWith("Tags Kaggle did not know:", Cell(rows[2], "publication-warnings"), StringComparison.Ordinal);
        Assert.Contains("3 publication(s), newest first", table.Find("caption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_that_is_not_http_is_never_a_link()
    {
        var hostile = Succeeded(7) with { Url = "javascript:alert(1)" };

        var table = Render<PublicationTable>(p => p.Add(x => x.Publications, [hostile]).Add(x => x.Now, T0));

        Assert.Empty(table.FindAll("a"));
        Assert.DoesNotContain("javascript", table.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7 * 24, "every 7 days")]
    [InlineData(24, "every day")]
    [InlineData(12, "every 12 hours")]
    [InlineData(1, "every hour")]
    public void The_schedule_period_reads_in_days_or_hours(int hours, string text) =>
        Assert.Equal(text, PublishingText.Every(TimeSpan.FromHours(hours)));

    [Fact]
    public void An_uneven_period_reads_in_its_two_largest_units() =>
        Assert.Equal("every 1 h 30 min", PublishingText.Every(TimeSpan.FromMinutes(90)));

    private static PublicationRecord Succeeded(long id) =>
        new(
            id,
            "phdb/product-hunt-archive",
            "schedule",
            T0,
            T0.AddMinutes(4).AddSeconds(10),
            PublicationOutcome.Succeeded,
            PublicationStage.Done,
            (int)id,
            "phdb/product-hunt-archive",
            "https://www.kaggle.com/datasets/phdb/product-hunt-archive",
            $"Release {id}: 120 posts added since version {id - 1}.\nposts: +120\nruns 4 to 6",
            5,
            1536L * 1024 * 1024,
            "20250301T120000Z",
            new Dictionary<string, long> { ["posts"] = 1200 },
            6,
            T0.AddHours(-1),
            null,
            []
        );

    private static string Cell(AngleSharp.Dom.IElement row, string testId) =>
        row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();
}
