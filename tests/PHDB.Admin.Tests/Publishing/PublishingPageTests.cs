using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Npgsql;
using PHDB.Admin.Publishing;
using PHDB.Grains.Publishing;
using PHDB.Publishing;
using PHDB.Testing;
using PublishingPage = PHDB.Admin.Components.Pages.Publishing;

namespace PHDB.Admin.Tests.Publishing;

/// <summary>
/// The Publishing page over a real cluster client (the publisher is scripted in an in-process cluster) and the real
/// publication history in a migrated database.
/// </summary>
public sealed partial class PublishingPageTests(PostgresServer postgres, PublisherCluster publisher)
    : MudComponentTest,
        IClassFixture<PublisherCluster>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private const long MiB = 1024 * 1024;
    private const string Dataset = "phdb/product-hunt-archive";
    private const string DatasetUrl = "https://www.kaggle.com/datasets/phdb/product-hunt-archive";

    private PublisherScript Script => publisher.Script;

    [Fact]
    public async Task A_running_publication_shows_its_stage_and_upload_and_is_followed_every_two_seconds_until_it_ends()
    {
        var time = await RegisterAsync("publishing-running");
        var running = Running("schedule", T0.AddSeconds(-90)) with
        {
            Stage = "uploading",
            Detail = "posts.parquet",
            BytesDone = 3 * MiB,
            BytesTotal = 12 * MiB,
            Silo = "silo-b",
        };
        Script.Status = running;
        var id = await StoredPublications.InsertAsync(
            DataSource,
            Publication(PublicationOutcome.Running, T0.AddSeconds(-90), null),
            [("posts.parquet", 12 * MiB)]
        );

        var page = Render<PublishingPage>();

        page.WaitForAssertion(() => Assert.Equal("3.0 MB of 12.0 MB (25 %)", Text(page, "upload-bytes")), Wait);
        var row = page.Find($"tr[data-publication-id='{id}']");
        Assert.Equal("running", row.GetAttribute("data-outcome"));
        Assert.Equal("1 min 30 s", Cell(row, "publication-duration"));
        Assert.Equal(
            "Publication started by schedule at 2025-03-01 11:58:30 UTC on silo silo-b · 1 min 30 s elapsed",
            Text(page, "running-summary")
        );
        Assert.Equal("Stage: uploading · posts.parquet", Text(page, "running-stage"));
        Assert.Equal("25", page.Find("[data-testid=upload-progress]").GetAttribute("aria-valuenow"));
        Assert.Equal("true", page.Find("[data-testid=publisher]").GetAttribute("data-running"));
        Assert.True(page.Find("[data-testid=publish-now]").HasAttribute("disabled"));
        Assert.True(page.Find("[data-testid=dry-run]").HasAttribute("disabled"));

        Script.Status = running with { BytesDone = 9 * MiB };
        time.Advance(PublishingPage.RunningRefreshInterval);
        page.WaitForAssertion(() => Assert.Equal("9.0 MB of 12.0 MB (75 %)", Text(page, "upload-bytes")), Wait);
        Assert.EndsWith("1 min 32 s elapsed", Text(page, "running-summary"), StringComparison.Ordinal);

        Script.Status = running with { Running = false, Stage = "done", BytesDone = 12 * MiB };
        await StoredPublications.SucceedAsync(DataSource, id, T0.AddSeconds(3), 2, DatasetUrl);
        time.Advance(PublishingPage.RunningRefreshInterval);
        page.WaitForElement("[data-testid=publication-idle]", Wait);
        row = page.Find($"tr[data-publication-id='{id}']");
        Assert.Equal("succeeded", row.GetAttribute("data-outcome"));
        Assert.Equal("2", Cell(row, "publication-version"));
        Assert.Equal(DatasetUrl, row.QuerySelector("[data-testid=publication-dataset] a")!.GetAttribute("href"));
        Assert.Equal(
            "No publication runs now. The last one was started by schedule at 2025-03-01 11:58:30 UTC.",
            Text(page, "publication-idle")
        );
        Assert.False(page.Find("[data-testid=publish-now]").HasAttribute("disabled"));
        Assert.False(page.Find("[data-testid=dry-run]").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=upload-progress]"));

        // Nothing runs: the clock no longer makes the page read (a read it made would reach the publisher before the
        // test's own one, sent after the clock moved); Refresh does.
        var reads = Script.Reads;
        Script.Status = running with { Origin = "dashboard" };
        time.Advance(PublishingPage.RunningRefreshInterval * 5);
        await publisher.Client.GetGrain<IPublicationGrain>(PublicationStatus.Key).GetStatus();
        Assert.Equal(reads + 1, Script.Reads);
        page.Find("[data-testid=publication-idle]");
        page.Find("[data-testid=publishing-refresh]").Click();
        page.WaitForAssertion(
            () =>
                Assert.StartsWith(
                    "Publication started by dashboard",
                    Text(page, "running-summary"),
                    StringComparison.Ordinal
                ),
            Wait
        );
    }

    [Fact]
    public async Task The_schedule_line_says_when_scheduled_releases_are_off()
    {
        await RegisterAsync("publishing-schedule-off");

        var page = Render<PublishingPage>();

        page.WaitForElement("[data-testid=publication-idle]", Wait);
        Assert.Equal("No publication runs now.", Text(page, "publication-idle"));
        Assert.Equal("Scheduled releases are off (Publishing:Interval).", Text(page, "publication-schedule"));
        Assert.Empty(page.FindAll("[data-testid=publication-due]"));
        Assert.Empty(page.FindAll("[data-testid=publication-last-error]"));
        Assert.Equal("false", page.Find("[data-testid=publisher]").GetAttribute("data-running"));
    }

    [Fact]
    public async Task The_schedule_line_names_the_period_and_next_due_time_and_shows_a_due_release_and_the_last_error()
    {
        await RegisterAsync("publishing-schedule-on");
        Script.Status = PublisherScript.Idle() with
        {
            Interval = TimeSpan.FromDays(7),
            NextDue = new DateTimeOffset(2025, 3, 8, 6, 0, 0, TimeSpan.Zero),
            Due = true,
            LastError = "Kaggle refused the version: title: 6 to 50 characters.",
        };

        var page = Render<PublishingPage>();

        page.WaitForElement("[data-testid=publication-due]", Wait);
        Assert.Equal(
            "Scheduled releases: every 7 days; next due 2025-03-08 06:00 UTC — published after the next completed incremental run.",
            Text(page, "publication-schedule")
        );
        Assert.Equal("due, waiting for an incremental run", Text(page, "publication-due"));
        var error = page.Find("[data-testid=publication-last-error]");
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Equal(
            "The last publication failed: Kaggle refused the version: title: 6 to 50 characters.",
            Normalize(error.TextContent)
        );
    }

    [Fact]
    public async Task Publish_now_asks_first_and_then_starts_a_publication_on_the_cluster()
    {
        var time = await RegisterAsync("publishing-publish");
        Script.Clock = T0;
        var dialogs = Render<MudDialogProvider>();
        var page = Render<PublishingPage>();
        page.WaitForElement("[data-testid=publication-idle]", Wait);

        page.Find("[data-testid=publish-now]").Click();
        DialogButton(dialogs, "Cancel").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        Assert.Empty(Script.Calls);
        Assert.Empty(page.FindAll("[data-testid=publish-answer]"));

        page.Find("[data-testid=publish-now]").Click();
        Assert.Contains(
            $"new version of the Kaggle dataset {Dataset}",
            dialogs.Find(".mud-dialog").TextContent,
            StringComparison.Ordinal
        );
        DialogButton(dialogs, "Publish").Click();

        page.WaitForAssertion(
            () => Assert.Equal($"Publication started on silo {PublisherScript.Silo}.", Text(page, "publish-answer")),
            Wait
        );
        Assert.Equal([new PublishCall(PublicationStatus.Key, false, PublishingText.Origin)], Script.Calls);
        Assert.StartsWith(
            "Publication started by console at 2025-03-01 12:00:00 UTC",
            Text(page, "running-summary"),
            StringComparison.Ordinal
        );
        Assert.Equal("Stage: exporting · posts", Text(page, "running-stage"));
        Assert.Equal("0 B uploaded", Text(page, "upload-bytes"));
        Assert.True(page.Find("[data-testid=publish-now]").HasAttribute("disabled"));

        // The page follows the publication it started.
        Script.Status = Script.Status with
        {
            Stage = "uploading",
            BytesDone = MiB,
            BytesTotal = 4 * MiB,
        };
        time.Advance(PublishingPage.RunningRefreshInterval);
        page.WaitForAssertion(() => Assert.Equal("1.0 MB of 4.0 MB (25 %)", Text(page, "upload-bytes")), Wait);
    }

    [Fact]
    public async Task Dry_run_starts_without_asking()
    {
        await RegisterAsync("publishing-dry-run");
        var page = Render<PublishingPage>();
        page.WaitForElement("[data-testid=publication-idle]", Wait);

        page.Find("[data-testid=dry-run]").Click();

        page.WaitForAssertion(
            () =>
                Assert.Equal(
                    $"Dry run started on silo {PublisherScript.Silo}: it exports and validates, and sends nothing to Kaggle.",
                    Text(page, "publish-answer")
                ),
            Wait
        );
        Assert.Equal([new PublishCall(PublicationStatus.Key, true, PublishingText.Origin)], Script.Calls);
        Assert.StartsWith("Dry run started by console", Text(page, "running-summary"), StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=dry-run]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_publication_started_elsewhere_in_the_meantime_is_the_answer()
    {
        await RegisterAsync("publishing-refused");
        var page = Render<PublishingPage>();
        page.WaitForElement("[data-testid=publication-idle]", Wait);
        Script.Status = Running("schedule", T0);

        page.Find("[data-testid=dry-run]").Click();

        page.WaitForAssertion(
            () =>
                Assert.Equal(
                    "Dry run not started: a publication started by schedule is running; one runs at a time.",
                    Text(page, "publish-answer")
                ),
            Wait
        );
        Assert.Single(Script.Calls);
        Assert.StartsWith("Publication started by schedule", Text(page, "running-summary"), StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=publish-now]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_publisher_that_cannot_be_asked_is_one_line_and_the_page_stays_usable()
    {
        await RegisterAsync("publishing-unreachable");
        Script.Failure = "the publisher is not reachable";

        var page = Render<PublishingPage>();

        page.WaitForAssertion(
            () =>
                Assert.Equal(
                    "The publisher's state could not be read: the publisher is not reachable",
                    Normalize(page.Find("[data-testid=status-failure] [data-testid=load-failure]").TextContent)
                ),
            Wait
        );
        Assert.Single(page.FindAll("h1"));
        page.Find("[data-testid=dry-run]").Click();
        page.WaitForAssertion(
            () =>
                Assert.Equal(
                    "The publisher could not be asked: the publisher is not reachable",
                    Text(page, "publish-answer")
                ),
            Wait
        );

        Script.Failure = null;
        page.Find("[data-testid=publishing-refresh]").Click();
        page.WaitForElement("[data-testid=publication-idle]", Wait);
        Assert.Empty(page.FindAll("[data-testid=status-failure] [data-testid=load-failure]"));
    }

    [Fact]
    public async Task The_history_lists_the_stored_publications_newest_first_with_links_errors_and_warnings()
    {
        await RegisterAsync("publishing-history");
        var succeeded = await StoredPublications.InsertAsync(
            DataSource,
            Publication(PublicationOutcome.Succeeded, T0.AddDays(-7), TimeSpan.FromSeconds(250)) with
            {
                Version = 1,
                Ref = Dataset,
                Url = DatasetUrl,
                Notes = "First release of PHDB.\nposts: 1,200\ncomments: 5,400",
                Bytes = 2048 * MiB,
            },
            [("posts.csv", 1024 * MiB), ("comments.csv", 1000 * MiB), ("phdb.sqlite", 24 * MiB)]
        );
        var running = await StoredPublications.InsertAsync(
            DataSource,
            Publication(PublicationOutcome.Running, T0.AddMinutes(-1), null),
            []
        );
        var failed = await StoredPublications.InsertAsync(
            DataSource,
            Publication(PublicationOutcome.Failed, T0.AddDays(-1), TimeSpan.FromSeconds(42)) with
            {
                Error = "Kaggle refused the version (400): the subtitle must be 20 to 80 characters.",
            },
            [("posts.csv", MiB)]
        );
        var dryRun = await StoredPublications.InsertAsync(
            DataSource,
            Publication(PublicationOutcome.DryRun, T0.AddHours(-2), TimeSpan.FromSeconds(12)) with
            {
                Origin = "console",
                Warnings = ["startup-tools"],
            },
            [("posts.csv", MiB)]
        );

        var page = Render<PublishingPage>();

        page.WaitForElement("table[data-testid=publications]", Wait);
        var rows = page.FindAll("table[data-testid=publications] tbody tr");
        Assert.Equal(
            [running, dryRun, failed, succeeded],
            rows.Select(r => long.Parse(r.GetAttribute("data-publication-id")!, CultureInfo.InvariantCulture))
        );
        Assert.Equal(["running", "dry run", "failed", "succeeded"], rows.Select(r => Cell(r, "publication-outcome")));
        Assert.Equal("uploading", Cell(rows[0], "publication-stage"));
        Assert.Equal("1 min 00 s", Cell(rows[0], "publication-duration"));
        Assert.Equal("startup-tools", rows[1].QuerySelector("[data-testid=publication-warnings] li")!.TextContent);
        Assert.Equal("console", rows[1].Children[1].TextContent.Trim());
        Assert.Equal(
            "Kaggle refused the version (400): the subtitle must be 20 to 80 characters.",
            Cell(rows[2], "publication-error")
        );
        Assert.Empty(rows[2].QuerySelectorAll("a"));
        Assert.Equal("42 s", Cell(rows[2], "publication-duration"));
        var link = rows[3].QuerySelector("[data-testid=publication-dataset] a")!;
        Assert.Equal(DatasetUrl, link.GetAttribute("href"));
        Assert.Equal(Dataset, link.TextContent.Trim());
        Assert.Equal("1", Cell(rows[3], "publication-version"));
        Assert.Equal("3", Cell(rows[3], "publication-files"));
        Assert.Equal("2.0 GB", Cell(rows[3], "publication-bytes"));
        Assert.Equal("4 min 10 s", Cell(rows[3], "publication-duration"));
        Assert.Equal(
            "First release of PHDB.",
            rows[3].QuerySelector("[data-testid=publication-notes] summary")!.TextContent
        );
        Assert.Equal(
            "First release of PHDB.\nposts: 1,200\ncomments: 5,400",
            rows[3].QuerySelector("[data-testid=publication-notes-text]")!.TextContent
        );
        Assert.Empty(page.FindAll("[data-testid=history-failure] [data-testid=load-failure]"));
    }

    [Fact]
    public async Task A_history_that_cannot_be_read_is_one_line_and_the_publisher_still_shows()
    {
        await RegisterAsync(
            "publishing-history-unreachable",
            connectionString: $"Host=127.0.0.1;Port={LoopbackPort.Next()};Username=phdb;Password=none;Database=phdb;Timeout=5;Pooling=false"
        );

        var page = Render<PublishingPage>();

        page.WaitForElement("[data-testid=history-failure] [data-testid=load-failure]", Wait);
        Assert.StartsWith(
            "The publication history could not be read: ",
            Normalize(page.Find("[data-testid=history-failure]").TextContent),
            StringComparison.Ordinal
        );
        Assert.Empty(page.FindAll("table[data-testid=publications]"));
        page.Find("[data-testid=publication-idle]");
        Assert.Single(page.FindAll("h1"));
    }

    [Fact]
    public async Task The_page_names_the_endpoint_host_and_dataset_and_never_a_credential()
    {
        await RegisterAsync(
            "publishing-secrets",
            new Dictionary<string, string?>
            {
                ["Kaggle:Endpoint"] = "https://kaggle-user:endpoint-secret@kaggle.example:8443/api",
                ["Kaggle:ApiToken"] = "KGAT_very_secret_token_1a2b",
                ["Kaggle:Username"] = "kaggle-account",
                ["Kaggle:Key"] = "legacy-secret-key-3c4d",
            }
        );
        Script.Status = Running("console", T0) with { LastError = null };

        var page = Render<PublishingPage>();

        page.WaitForElement("[data-testid=running-summary]", Wait);
        Assert.Equal("kaggle.example:8443", Text(page, "publishing-host"));
        Assert.Equal(Dataset, Text(page, "publishing-dataset"));
        foreach (
            var secret in new[]
            {
                "endpoint-secret",
                "kaggle-user",
                "KGAT_",
                "1a2b",
                "kaggle-account",
                "legacy-secret",
                "3c4d",
            }
        )
        {
            Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_Kaggle_settings_the_target_is_Kaggles_API_and_the_exports_dataset()
    {
        var target = PublishingTarget.From(new ConfigurationBuilder().Build());

        Assert.Equal(new PublishingTarget("api.kaggle.com", null), target);
        Assert.Null(
            PublishingTarget
                .From(
                    new ConfigurationBuilder()
                        .AddInMemoryCollection([new("Kaggle:Endpoint", "javascript:alert(1)")])
                        .Build()
                )
                .EndpointHost
        );
    }

    private async Task<FakeTimeProvider> RegisterAsync(
        string purpose,
        IDictionary<string, string?>? settings = null,
        string? connectionString = null
    )
    {
        Script.Reset();
        var database =
            connectionString
            ?? await postgres.CreateMigratedDatabaseAsync(purpose, Xunit.TestContext.Current.CancellationToken);
        var time = new FakeTimeProvider(T0);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kaggle:Dataset"] = Dataset })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        Services.AddSingleton(publisher.Client);
        Services.AddSingleton(_ => NpgsqlDataSource.Create(database));
        Services.AddSingleton(sp => new PublicationHistory(sp.GetRequiredService<NpgsqlDataSource>(), time));
        Services.AddSingleton(PublishingTarget.From(configuration));
        Services.AddSingleton<TimeProvider>(time);
        return time;
    }

    private NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    private static PublicationRecord Publication(
        PublicationOutcome outcome,
        DateTimeOffset startedAt,
        TimeSpan? took
    ) =>
        new(
            0,
            Dataset,
            "schedule",
            startedAt,
            startedAt + took,
            outcome,
            outcome == PublicationOutcome.Running ? PublicationStage.Uploading : PublicationStage.Done,
            null,
            null,
            null,
            "",
            0,
            0,
            "20250301T100000Z",
            new Dictionary<string, long> { ["posts"] = 1200, ["comments"] = 5400 },
            null,
            null,
            null,
            []
        );

    private static PublicationStatus Running(string origin, DateTimeOffset startedAt) =>
        PublisherScript.Idle() with
        {
            Running = true,
            Origin = origin,
            StartedAt = startedAt,
            Stage = "exporting",
            Silo = "silo-a",
        };

    private static IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text)
    {
        IElement? found = null;
        dialogs.WaitForAssertion(
            () => found = Assert.Single(dialogs.FindAll(".mud-dialog button"), b => Normalize(b.TextContent) == text),
            Wait
        );
        return found!;
    }

    private static string Text<T>(IRenderedComponent<T> page, string testId)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        Normalize(page.Find($"[data-testid={testId}]").TextContent);

    private static string Cell(IElement row, string testId) =>
        Normalize(row.QuerySelector($"[data-testid={testId}]")!.TextContent);

    private static string Normalize(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
