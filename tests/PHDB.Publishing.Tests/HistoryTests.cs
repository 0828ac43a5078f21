using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace PHDB.Publishing.Tests;

public sealed class HistoryTests(PublishingWorld world)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_recorded_publication_reads_back_whole()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var dataSource = await EmptyDatabaseAsync(cancellation);
        var history = new PublicationHistory(dataSource, new FakeTimeProvider(Start));
        var written = Record("alice/some-dataset", PublicationOutcome.DryRun, Start) with
        {
            Version = 4,
            Ref = "alice/some-dataset",
            Url = "https://www.kaggle.com/datasets/alice/some-dataset",
            Error = "title: must have 6 to 50 characters, not 3.",
            Warnings = ["not-a-tag", "nor-this"],
            ExpectedVersion = 4,
            LastRunId = 12,
            HighWater = Start.AddHours(-1),
        };

        var id = await history.InsertAsync(written, cancellation);
        var read = await history.GetAsync(id, cancellation);

        Assert.NotNull(read);
        Assert.Equal(id, read.Id);
        Assert.Equal(written.FileList, read.FileList);
        Assert.Equal(written.Tables.OrderBy(t => t.Key), read.Tables.OrderBy(t => t.Key));
        Assert.Equal(written.Warnings, read.Warnings);
        Assert.Equal(
            written with
            {
                Id = id,
                Tables = read.Tables,
                Warnings = read.Warnings,
                FileList = read.FileList,
            },
            read
        );
        Assert.Equal(TimeSpan.FromMinutes(3), read.Duration);
        Assert.Null(await history.GetAsync(id + 1, cancellation));
    }

    [Fact]
    public async Task A_running_publication_records_each_stage_then_its_end()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var dataSource = await EmptyDatabaseAsync(cancellation);
        var time = new FakeTimeProvider(Start);
        var history = new PublicationHistory(dataSource, time);

        var id = await history.StartAsync("alice/some-dataset", "schedule", "box:42", cancellation);
        await history.SetStageAsync(id, PublicationStage.Uploading, null, cancellation);
        await history.SetStageAsync(id, PublicationStage.Committing, 3, cancellation);
        var committing = await history.GetAsync(id, cancellation);
        Assert.Equal(
            (PublicationOutcome.Running, PublicationStage.Committing, 3, "box:42", (DateTimeOffset?)null),
            (committing!.Outcome, committing.Stage, committing.ExpectedVersion, committing.Host, committing.FinishedAt)
        );
        Assert.Equal([id], (await history.ListRunningAsync(cancellation)).Select(r => r.Id));

        time.Advance(TimeSpan.FromSeconds(90));
        await history.FinishAsync(
            id,
            new PublicationFinish(
                PublicationOutcome.Succeeded,
                3,
                "alice/some-dataset",
                "https://k/alice",
                null,
                ["x"]
            ),
            cancellation
        );
        var done = await history.GetAsync(id, cancellation);
        Assert.Equal(
            (PublicationOutcome.Succeeded, PublicationStage.Done, (int?)3, (TimeSpan?)TimeSpan.FromSeconds(90)),
            (done!.Outcome, done.Stage, done.Version, done.Duration)
        );
        Assert.Equal(["x"], done.Warnings);
        Assert.Empty(await history.ListRunningAsync(cancellation));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            history.FinishAsync(id, new PublicationFinish(PublicationOutcome.Failed, Error: "late"), cancellation)
        );
    }

    [Fact]
    public async Task The_history_lists_newest_first_and_finds_a_datasets_last_success()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var dataSource = await EmptyDatabaseAsync(cancellation);
        var history = new PublicationHistory(dataSource, TimeProvider.System);
        var first = await history.InsertAsync(
            Record("alice/some-dataset", PublicationOutcome.Succeeded, Start) with
            {
                Version = 1,
            },
            cancellation
        );
        var second = await history.InsertAsync(
            Record("alice/some-dataset", PublicationOutcome.Succeeded, Start.AddDays(1)) with
            {
                Version = 2,
            },
            cancellation
        );
        var failed = await history.InsertAsync(
            Record("alice/some-dataset", PublicationOutcome.Failed, Start.AddDays(2)),
            cancellation
        );
        var other = await history.InsertAsync(
            Record("bob/other-dataset", PublicationOutcome.Succeeded, Start.AddDays(3)) with
            {
                Version = 9,
            },
            cancellation
        );

        Assert.Equal([other, failed, second, first], (await history.ListAsync(10, cancellation)).Select(r => r.Id));
        Assert.Equal([other, failed], (await history.ListAsync(2, cancellation)).Select(r => r.Id));
        Assert.Equal(second, (await history.LastSucceededAsync("alice/some-dataset", cancellation))?.Id);
        Assert.Null(await history.LastSucceededAsync("carol/nothing-yet", cancellation));
    }

    [Fact]
    public async Task Runs_since_a_run_are_the_succeeded_ones_after_it_oldest_first()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var dataSource = await EmptyDatabaseAsync(cancellation);
        var history = new PublicationHistory(dataSource, TimeProvider.System);
        var ids = new List<long>();
        foreach (
            var (mode, outcome) in new[]
            {
                ("full", "succeeded"),
                ("incremental", "failed"),
                ("incremental", "succeeded"),
                ("incremental", "running"),
                ("incremental", "succeeded"),
            }
        )
        {
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO harvest_runs (started_at, finished_at, mode, outcome) VALUES ($1, $1, $2, $3) RETURNING id"
            );
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = Start.AddHours(ids.Count) });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mode });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = outcome });
            ids.Add((long)(await insert.ExecuteScalarAsync(cancellation))!);
        }

        var all = await history.RunsSinceAsync(null, cancellation);
        Assert.Equal([ids[0], ids[2], ids[4]], all.Select(r => r.Id));
        Assert.Equal(["full", "incremental", "incremental"], all.Select(r => r.Mode));
        Assert.Equal(Start, all[0].StartedAt);
        Assert.Equal([ids[4]], (await history.RunsSinceAsync(ids[2], cancellation)).Select(r => r.Id));
        Assert.Empty(await history.RunsSinceAsync(ids[4], cancellation));
    }

    private async Task<NpgsqlDataSource> EmptyDatabaseAsync(CancellationToken cancellationToken) =>
        NpgsqlDataSource.Create(await world.Postgres.CreateMigratedDatabaseAsync("history", cancellationToken));

    private static PublicationRecord Record(string dataset, PublicationOutcome outcome, DateTimeOffset startedAt) =>
        new(
            0,
            dataset,
            "cli",
            startedAt,
            startedAt.AddMinutes(3),
            outcome,
            outcome == PublicationOutcome.Failed ? PublicationStage.Uploading : PublicationStage.Done,
            null,
            null,
            null,
            "First release: 3 rows in 1 table (posts 3).",
            2,
            1_234,
            "20260301T120000Z",
            new Dictionary<string, long> { ["posts"] = 3, ["users"] = 7 },
            null,
            null,
            outcome == PublicationOutcome.Failed ? "Kaggle refused it." : null,
            []
        )
        {
            FileList = [new PlannedFile("posts.csv", 1_000), new PlannedFile("README.md", 234)],
            ExportDirectory = "/data/exports/20260301T120000Z",
            Host = "box:42",
        };
}
