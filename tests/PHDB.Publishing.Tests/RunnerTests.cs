using PHDB.Export;
using PHDB.Kaggle;
using PHDB.Kaggle.Metadata;
using PHDB.Testing;

namespace PHDB.Publishing.Tests;

public sealed class RunnerTests(PublishingWorld world)
{
    private static readonly string[] CardFiles = [DataCard.ReadmeFile, ExportCatalog.ManifestFile];

    [Fact]
    public async Task A_dry_run_without_credentials_sends_nothing_and_records_the_plan()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "dry_run", cancellation);
        var runner = publisher.NewRunner(() =>
            KaggleCredentialLocator.Find(new KaggleOptions(), _ => null, publisher.Home.Path)
        );

        var record = await runner.PublishAsync(Publisher.Request(dryRun: true), null, cancellation);

        Assert.Empty(publisher.StandIn.Requests);
        Assert.Equal((PublicationOutcome.DryRun, (string?)null), (record.Outcome, record.Error));
        var manifest = ExportCatalog.ReadManifest(record.ExportDirectory!)!;
        Assert.Equal(ExpectedFiles(manifest), record.FileList.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(record.FileList.Sum(f => f.Bytes), record.Bytes);
        Assert.StartsWith("First release: ", record.Notes, StringComparison.Ordinal);
        Assert.Contains(
            $"\nHarvested through {manifest.HighWater.NewestObservation!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.\n",
            record.Notes,
            StringComparison.Ordinal
        );
        var metadata = DatasetMetadata.Parse(
            await File.ReadAllTextAsync(Path.Join(record.ExportDirectory, DatasetMetadata.FileName), cancellation)
        );
        Assert.Equal(Publisher.Dataset, metadata.Id);
        var stored = await runner.History.GetAsync(record.Id, cancellation);
        Assert.Equal(
            (PublicationOutcome.DryRun, record.Notes, record.Files),
            (stored!.Outcome, stored.Notes, stored.Files)
        );

        var plan = await runner.PlanAsync(new PublishRequest(From: record.ExportDirectory), null, cancellation);
        Assert.Null(plan.CreatesDataset);
        Assert.True(plan.IsValid, string.Join("; ", plan.Problems));
        Assert.Empty(publisher.StandIn.Requests);

        // With credentials, a plan asks Kaggle (a read) whether the dataset exists; it still uploads nothing.
        var asked = await publisher.Runner.PlanAsync(
            new PublishRequest(From: record.ExportDirectory),
            null,
            cancellation
        );
        Assert.True(asked.CreatesDataset);
        var request = Assert.Single(publisher.StandIn.Requests);
        Assert.EndsWith("/GetDataset", request.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_with_refused_credentials_throws_and_is_recorded_as_failed()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "dry_refused", cancellation);
        publisher.StandIn.Faults.RefuseCredentials = true;

        var refused = await Assert.ThrowsAsync<KaggleException>(() =>
            publisher.Runner.PublishAsync(Publisher.Request(dryRun: true), null, cancellation)
        );

        Assert.Equal(KaggleFailure.Unauthorized, refused.Failure);
        var record = Assert.Single(await publisher.Runner.History.ListAsync(10, cancellation));
        Assert.Equal((PublicationOutcome.Failed, $"Dry run: {refused.Message}"), (record.Outcome, record.Error));
        Assert.DoesNotContain(
            publisher.StandIn.Requests,
            r => r.Method == "PUT" || r.Path.Contains("Create", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Publishing_creates_the_dataset_with_exactly_the_exports_files()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "create", cancellation);
        var stages = new List<PublicationStage>();

        var record = await publisher.Runner.PublishAsync(
            Publisher.Request(),
            new ProgressOf<PublicationProgress>(p => stages.Add(p.Stage)),
            cancellation
        );

        Assert.True(record.Outcome == PublicationOutcome.Succeeded, record.Error);
        Assert.Equal((1, PublicationStage.Done), (record.Version, record.Stage));
        Assert.NotNull(record.Url);
        var dataset = publisher.StandIn.Find("phdb-tester", "product-hunt-phdb-tests");
        Assert.NotNull(dataset);
        var version = Assert.Single(dataset.Versions);
        var manifest = ExportCatalog.ReadManifest(record.ExportDirectory!)!;
        Assert.Equal(ExpectedNames(manifest), version.Files.Select(f => f.Name).Order(StringComparer.Ordinal));
        var paths = record.FileList.ToDictionary(f => Path.GetFileName(f.Path), f => f.Path);
        foreach (var file in version.Files)
        {
            Assert.Equal(new FileInfo(Path.Join(record.ExportDirectory, paths[file.Name])).Length, file.Bytes);
        }

        Assert.Equal(version.Files.Sum(f => f.Bytes), record.Bytes);
        Assert.Equal(
            [
                PublicationStage.Exporting,
                PublicationStage.Validating,
                PublicationStage.Uploading,
                PublicationStage.Committing,
                PublicationStage.Processing,
                PublicationStage.Done,
            ],
            stages.Distinct()
        );
        Assert.Equal(record.Tables, manifest.Tables);
        Assert.Equal(manifest.HighWater.LastRunId, record.LastRunId);
        var next = await publisher.Runner.PlanAsync(
            new PublishRequest(From: record.ExportDirectory),
            null,
            cancellation
        );
        Assert.False(next.CreatesDataset);
        NoSecretIn(publisher);
    }

    [Fact]
    public async Task A_second_publication_creates_version_2_with_notes_of_the_rows_added()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "version", cancellation);
        var first = await publisher.Runner.PublishAsync(Publisher.Request(), null, cancellation);
        Assert.True(first.Outcome == PublicationOutcome.Succeeded, first.Error);
        var run = await publisher.HarvestMoreAsync(3, cancellation);

        var second = await publisher.Runner.PublishAsync(Publisher.Request(), null, cancellation);

        Assert.True(second.Outcome == PublicationOutcome.Succeeded, second.Error);
        Assert.Equal(2, second.Version);
        var versions = publisher.StandIn.Find("phdb-tester", "product-hunt-phdb-tests")!.Versions;
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        var notes = versions[1].Notes;
        Assert.Equal(second.Notes, notes);
        Assert.Contains($"users +3 (total {first.Tables["users"] + 3:N0})", notes, StringComparison.Ordinal);
        Assert.Contains("harvest_runs +1", notes, StringComparison.Ordinal);
        Assert.Contains($"Includes harvest run #{run} (incremental).", notes, StringComparison.Ordinal);
        Assert.Contains("Unchanged: ", notes, StringComparison.Ordinal);
        Assert.Equal(run, second.LastRunId);
    }

    [Fact]
    public async Task Invalid_metadata_fails_before_any_upload_naming_the_field()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "invalid", cancellation);

        var record = await publisher.Runner.PublishAsync(
            Publisher.Request(dataset: "phdb-tester/abc"),
            null,
            cancellation
        );

        Assert.Equal((PublicationOutcome.Failed, PublicationStage.Validating), (record.Outcome, record.Stage));
        Assert.Contains("id: the slug 'abc'", record.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(
            publisher.StandIn.Requests,
            r => r.Path.Contains("StartBlobUpload", StringComparison.Ordinal)
        );
        Assert.Empty(publisher.StandIn.Datasets);
    }

    [Fact]
    public async Task A_partitioned_export_is_refused_naming_the_resource()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "partitioned", cancellation);

        var record = await publisher.Runner.PublishAsync(
            new PublishRequest(Export: new ExportRequest([ExportFormats.Csv], PartitionByMonth: true)),
            null,
            cancellation
        );

        Assert.Equal(PublicationOutcome.Failed, record.Outcome);
        Assert.Matches(
            @"resources\[\d+\]\.path: 'csv/[^']+/month=[^']+' and 'csv/[^']+/month=[^']+' \(and \d+ more files\) would have the same name '[^'/]+' on Kaggle",
            record.Error
        );
        Assert.Empty(publisher.StandIn.Requests);
    }

    [Fact]
    public async Task Refused_credentials_throw_and_are_recorded_as_failed()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "refused", cancellation);
        publisher.StandIn.Faults.RefuseCredentials = true;

        var refused = await Assert.ThrowsAsync<KaggleException>(() =>
            publisher.Runner.PublishAsync(Publisher.Request(), null, cancellation)
        );

        Assert.Equal(KaggleFailure.Unauthorized, refused.Failure);
        var record = Assert.Single(await publisher.Runner.History.ListAsync(10, cancellation));
        Assert.Equal((PublicationOutcome.Failed, refused.Message), (record.Outcome, record.Error));
        Assert.DoesNotContain(
            publisher.StandIn.Requests,
            r => r.Path.Contains("StartBlobUpload", StringComparison.Ordinal)
        );
        NoSecretIn(publisher);
    }

    [Fact]
    public async Task Missing_credentials_throw_naming_where_they_are_read_and_are_recorded()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "missing", cancellation);
        var runner = publisher.NewRunner(() =>
            KaggleCredentialLocator.Find(new KaggleOptions(), _ => null, publisher.Home.Path)
        );

        var missing = await Assert.ThrowsAsync<KaggleException>(() =>
            runner.PublishAsync(Publisher.Request(), null, cancellation)
        );

        Assert.Equal(KaggleFailure.MissingCredentials, missing.Failure);
        Assert.Contains("KAGGLE_API_TOKEN", missing.Message, StringComparison.Ordinal);
        var record = Assert.Single(await runner.History.ListAsync(10, cancellation));
        Assert.Equal((PublicationOutcome.Failed, missing.Message), (record.Outcome, record.Error));
        Assert.Empty(publisher.StandIn.Requests);
    }

    [Fact]
    public async Task An_answer_whose_status_is_an_error_fails_the_publication_with_the_error()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "status_error", cancellation);
        var createdElsewhere = false;

        // Someone else creates the dataset between our check and our create call: Kaggle answers status error.
        var record = await publisher.Runner.PublishAsync(
            Publisher.Request(),
            new ProgressOf<PublicationProgress>(p =>
            {
                if (p.Stage == PublicationStage.Committing && !createdElsewhere)
                {
                    createdElsewhere = true;
                    CreateElsewhereAsync(publisher, cancellation).GetAwaiter().GetResult();
                }
            }),
            cancellation
        );

        Assert.Equal((PublicationOutcome.Failed, PublicationStage.Committing), (record.Outcome, record.Stage));
        Assert.Contains("already exists", record.Error, StringComparison.Ordinal);
        Assert.StartsWith(
            "Kaggle refused the new dataset phdb-tester/product-hunt-phdb-tests: ",
            record.Error,
            StringComparison.Ordinal
        );
        Assert.Null(record.Version);
        Assert.Single(publisher.StandIn.Find("phdb-tester", "product-hunt-phdb-tests")!.Versions);
    }

    [Fact]
    public async Task Processing_that_fails_is_a_failed_publication_naming_the_version()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "processing", cancellation);
        publisher.StandIn.Faults.FailProcessing = true;

        var record = await publisher.Runner.PublishAsync(Publisher.Request(), null, cancellation);

        Assert.Equal(
            (PublicationOutcome.Failed, PublicationStage.Processing, (int?)1),
            (record.Outcome, record.Stage, record.Version)
        );
        Assert.StartsWith("Kaggle created version 1 of", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_folder_given_is_published_without_its_stray_files()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "from", cancellation);
        var dry = await publisher.Runner.PublishAsync(Publisher.Request(dryRun: true), null, cancellation);
        await File.WriteAllTextAsync(Path.Join(dry.ExportDirectory, "notes.txt"), "mine", cancellation);

        var record = await publisher.Runner.PublishAsync(
            new PublishRequest(From: dry.ExportName, Notes: "Hand-made notes."),
            null,
            cancellation
        );

        Assert.True(record.Outcome == PublicationOutcome.Succeeded, record.Error);
        Assert.Equal(dry.ExportDirectory, record.ExportDirectory);
        var version = Assert.Single(publisher.StandIn.Find("phdb-tester", "product-hunt-phdb-tests")!.Versions);
        var names = version.Files.Select(f => f.Name).ToList();
        Assert.DoesNotContain("notes.txt", names);
        Assert.DoesNotContain(DatasetMetadata.FileName, names);
        Assert.Equal(
            ExpectedNames(ExportCatalog.ReadManifest(dry.ExportDirectory!)!),
            names.Order(StringComparer.Ordinal)
        );
        Assert.Equal("Hand-made notes.", record.Notes);
    }

    [Fact]
    public async Task A_folder_that_is_no_export_is_a_failed_publication()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "not_export", cancellation);
        using var empty = new TemporaryDirectory("phdb-not-an-export-");

        var record = await publisher.Runner.PublishAsync(new PublishRequest(From: empty.Path), null, cancellation);

        Assert.Equal(PublicationOutcome.Failed, record.Outcome);
        Assert.Equal($"{empty.Path} is not a complete export: it holds no manifest.json.", record.Error);
        Assert.Empty(publisher.StandIn.Requests);
    }

    [Fact]
    public async Task A_publication_whose_host_is_lost_while_committing_resumes_to_exactly_one_version()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "resume", cancellation);
        var (id, lost) = await LoseHostWhileCommittingAsync(publisher, cancellation);
        Assert.Equal((PublicationStage.Committing, (int?)1), (lost.Stage, lost.ExpectedVersion));

        var resumed = await publisher.NewRunner().ResumeAsync(id, null, cancellation);

        Assert.True(resumed.Outcome == PublicationOutcome.Succeeded, resumed.Error);
        Assert.Equal((1, PublicationStage.Done), (resumed.Version, resumed.Stage));
        Assert.Single(publisher.StandIn.Find("phdb-tester", "product-hunt-phdb-tests")!.Versions);
        Assert.Single(publisher.StandIn.Requests, r => r.Path.EndsWith("/CreateDataset", StringComparison.Ordinal));
        var again = await publisher.Runner.ResumeAsync(id, null, cancellation);
        Assert.Equal(Summary(resumed), Summary(again));
        Assert.Single(publisher.StandIn.Requests, r => r.Path.EndsWith("/CreateDataset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lost_hosts_publication_is_settled_by_the_next_one_which_makes_the_next_version()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "settle", cancellation);
        var (id, _) = await LoseHostWhileCommittingAsync(publisher, cancellation);

        var next = await publisher.NewRunner().PublishAsync(Publisher.Request(), null, cancellation);

        Assert.True(next.Outcome == PublicationOutcome.Succeeded, next.Error);
        Assert.Equal(2, next.Version);
        var settled = await publisher.Runner.History.GetAsync(id, cancellation);
        Assert.Equal((PublicationOutcome.Succeeded, (int?)1), (settled!.Outcome, settled.Version));
        Assert.Equal(
            [1, 2],
            publisher.StandIn.Find("phdb-tester", "product-hunt-phdb-tests")!.Versions.Select(v => v.Number)
        );
    }

    [Fact]
    public async Task A_publication_lost_before_kaggle_got_its_create_call_uploads_again_and_commits_once()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "redo", cancellation);
        var (id, _) = await AbandonBeforeCreateAsync(publisher, cancellation);

        var resumed = await publisher.Runner.ResumeAsync(id, null, cancellation);

        Assert.True(resumed.Outcome == PublicationOutcome.Succeeded, resumed.Error);
        Assert.Equal((1, "Notes recorded before the host was lost."), (resumed.Version, resumed.Notes));
        var version = Assert.Single(publisher.StandIn.Find("phdb-tester", "product-hunt-phdb-tests")!.Versions);
        Assert.Equal(resumed.Files, version.Files.Count);
    }

    [Fact]
    public async Task A_resume_whose_export_is_gone_is_marked_failed()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "gone", cancellation);
        var (id, directory) = await AbandonBeforeCreateAsync(publisher, cancellation);
        Directory.Delete(directory, recursive: true);

        var resumed = await publisher.Runner.ResumeAsync(id, null, cancellation);

        Assert.Equal(PublicationOutcome.Failed, resumed.Outcome);
        Assert.Equal(
            $"The export folder {directory} of publication {id} is gone, so it cannot be resumed: publish again.",
            resumed.Error
        );
        Assert.Empty(publisher.StandIn.Datasets);
    }

    [Fact]
    public async Task A_resume_of_a_publication_lost_while_exporting_is_marked_failed_and_of_none_is_refused()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "lost_export", cancellation);
        var id = await publisher.Runner.History.StartAsync(Publisher.Dataset, "schedule", "lost-host:1", cancellation);

        var resumed = await publisher.Runner.ResumeAsync(id, null, cancellation);

        Assert.Equal((PublicationOutcome.Failed, PublicationStage.Exporting), (resumed.Outcome, resumed.Stage));
        Assert.Equal(
            $"Publication {id} stopped while exporting, before its export was written, so it cannot be resumed: publish again.",
            resumed.Error
        );
        var none = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            publisher.Runner.ResumeAsync(id + 100, null, cancellation)
        );
        Assert.Equal($"There is no publication {id + 100}.", none.Message);
        Assert.Empty(publisher.StandIn.Requests);
    }

    [Fact]
    public async Task A_publication_cancelled_before_committing_is_recorded_as_cancelled()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "cancelled", cancellation);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        var running = publisher.Runner.PublishAsync(
            Publisher.Request(),
            new ProgressOf<PublicationProgress>(p =>
            {
                if (p.Stage == PublicationStage.Uploading)
                {
                    stop.Cancel();
                }
            }),
            stop.Token
        );

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var record = Assert.Single(await publisher.Runner.History.ListAsync(10, cancellation));
        Assert.Equal(
            (PublicationOutcome.Failed, PublicationStage.Uploading, "cancelled"),
            (record.Outcome, record.Stage, record.Error)
        );
        Assert.Equal(Summary(record), Summary(await publisher.Runner.ResumeAsync(record.Id, null, cancellation)));
        Assert.Empty(publisher.StandIn.Datasets);
    }

    [Fact]
    public async Task A_publication_while_another_runs_fails_fast_naming_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var publisher = await Publisher.StartAsync(world, "busy", cancellation);
        publisher.StandIn.Faults.CreateAnswerDelay = TimeSpan.FromSeconds(30);
        using var lostHost = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var running = publisher.Runner.PublishAsync(Publisher.Request(), null, lostHost.Token);
        await Eventually.HoldsAsync(
            () => Task.FromResult(publisher.StandIn.Datasets.Count == 1),
            TimeSpan.FromSeconds(60),
            "the first publication created the dataset"
        );

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var busy = await Assert.ThrowsAsync<PublicationBusyException>(() =>
            publisher.NewRunner().PublishAsync(Publisher.Request(), null, cancellation)
        );

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.StartsWith("Another publication is running (publication ", busy.Message, StringComparison.Ordinal);
        Assert.Contains(
            $", on {Environment.MachineName}:{Environment.ProcessId}).",
            busy.Message,
            StringComparison.Ordinal
        );
        Assert.Single(await publisher.Runner.History.ListAsync(10, cancellation));
        await lostHost.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    /// <summary>Starts a publication and cancels it once Kaggle created its dataset but had not answered yet.</summary>
    private static async Task<(long Id, PublicationRecord Lost)> LoseHostWhileCommittingAsync(
        Publisher publisher,
        CancellationToken cancellationToken
    )
    {
        publisher.StandIn.Faults.CreateAnswerDelay = TimeSpan.FromSeconds(30);
        using var lostHost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = publisher.Runner.PublishAsync(Publisher.Request(), null, lostHost.Token);
        await Eventually.HoldsAsync(
            () => Task.FromResult(publisher.StandIn.Datasets.Count == 1),
            TimeSpan.FromSeconds(60),
            "the publication created the dataset on the stand-in"
        );
        await lostHost.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        publisher.StandIn.Faults.CreateAnswerDelay = TimeSpan.Zero;
        var lost = Assert.Single(await publisher.Runner.History.ListRunningAsync(cancellationToken));
        return (lost.Id, lost);
    }

    /// <summary>
    /// Records a publication as a host records it just before its create call, as if the host died then: an export
    /// planned, stage committing with expected version 1, nothing sent to Kaggle.
    /// </summary>
    private static async Task<(long Id, string Directory)> AbandonBeforeCreateAsync(
        Publisher publisher,
        CancellationToken cancellationToken
    )
    {
        var dry = await publisher.Runner.PublishAsync(Publisher.Request(dryRun: true), null, cancellationToken);
        var plan = await publisher.Runner.PlanAsync(
            new PublishRequest(From: dry.ExportDirectory, Notes: "Notes recorded before the host was lost."),
            null,
            cancellationToken
        );
        var history = publisher.Runner.History;
        var id = await history.StartAsync(Publisher.Dataset, "schedule", "lost-host:1", cancellationToken);
        await history.RecordPlanAsync(
            id,
            plan,
            dry.ExportName!,
            ExportCatalog.ReadManifest(plan.ExportDirectory)!,
            cancellationToken
        );
        await history.SetStageAsync(id, PublicationStage.Uploading, null, cancellationToken);
        await history.SetStageAsync(id, PublicationStage.Committing, 1, cancellationToken);
        return (id, plan.ExportDirectory);
    }

    private static async Task CreateElsewhereAsync(Publisher publisher, CancellationToken cancellationToken)
    {
        using var folder = new TemporaryDirectory("phdb-elsewhere-");
        var file = Path.Join(folder.Path, "other.csv");
        await File.WriteAllTextAsync(file, "a\n1\n", cancellationToken);
        using var client = new KaggleApiClient(
            publisher.Kaggle,
            KaggleCredentialLocator.Find(publisher.Kaggle, _ => null, publisher.Home.Path),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<KaggleApiClient>.Instance
        );
        var token = await client.UploadFileAsync(file, "other.csv", null, cancellationToken);
        var answer = await client.CreateDatasetAsync(
            new PHDB.Kaggle.Wire.NewDataset(
                "phdb-tester",
                "product-hunt-phdb-tests",
                "Someone else's dataset",
                "CC0-1.0",
                null,
                null,
                true,
                [new PHDB.Kaggle.Wire.DatasetFileUpload(token)],
                []
            ),
            cancellationToken
        );
        Assert.True(answer.Succeeded, answer.Error);
    }

    /// <summary>The paths a publication of <paramref name="manifest"/>'s export uploads: its files and the data card.</summary>
    private static IEnumerable<string> ExpectedFiles(ExportManifest manifest) =>
        manifest.Files.Select(f => f.Path).Concat(CardFiles).Order(StringComparer.Ordinal);

    /// <summary>The names they have on Kaggle, which keeps no folders.</summary>
    private static IEnumerable<string> ExpectedNames(ExportManifest manifest) =>
        ExpectedFiles(manifest).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static (long, PublicationOutcome, PublicationStage, int?, string?, DateTimeOffset?) Summary(
        PublicationRecord record
    ) => (record.Id, record.Outcome, record.Stage, record.Version, record.Error, record.FinishedAt);

    private static void NoSecretIn(Publisher publisher)
    {
        Assert.NotEmpty(publisher.Logs.Lines);
        Assert.DoesNotContain(
            publisher.Logs.Lines,
            line => line.Contains(publisher.StandIn.Options.ApiToken, StringComparison.Ordinal)
        );
    }
}
