using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Npgsql;
using PHDB.Export;
using PHDB.Kaggle;
using PHDB.Kaggle.Metadata;
using PHDB.Kaggle.Wire;

namespace PHDB.Publishing;

/// <summary>
/// Publishes an export as a Kaggle dataset: exports (or takes an export folder), writes and validates its
/// <c>dataset-metadata.json</c>, asks Kaggle whether the dataset exists, uploads the export's files, creates the
/// dataset or a new version with release notes, waits until Kaggle has processed it and records it all in the
/// <c>publications</c> table. One publication runs at a time across every host (a PostgreSQL advisory lock).
/// </summary>
public sealed class PublicationRunner
{
    private static readonly string ThisHost = string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName}:{Environment.ProcessId}"
    );

    private readonly NpgsqlDataSource dataSource;
    private readonly KaggleOptions kaggleOptions;
    private readonly PublicationPlanner planner;
    private readonly Func<KaggleCredentials> credentials;
    private readonly ILoggerFactory loggers;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly HttpMessageHandler? kaggleHandler;

    /// <summary>
    /// Creates the runner. <paramref name="credentials"/> finds Kaggle credentials when a publication needs them
    /// (throwing <see cref="KaggleException"/> with <see cref="KaggleFailure.MissingCredentials"/> when there are
    /// none); <paramref name="kaggleHandler"/> replaces the network under the Kaggle client (tests).
    /// </summary>
    public PublicationRunner(
        NpgsqlDataSource dataSource,
        ExportRunner exports,
        ExportOptions exportOptions,
        KaggleOptions kaggleOptions,
        PublishingOptions options,
        Func<KaggleCredentials> credentials,
        ILoggerFactory loggers,
        TimeProvider? time = null,
        HttpMessageHandler? kaggleHandler = null
    )
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(exports);
        ArgumentNullException.ThrowIfNull(exportOptions);
        ArgumentNullException.ThrowIfNull(kaggleOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(loggers);
        this.dataSource = dataSource;
        this.kaggleOptions = kaggleOptions;
        this.credentials = credentials;
        this.loggers = loggers;
        this.time = time ?? TimeProvider.System;
        this.kaggleHandler = kaggleHandler;
        logger = loggers.CreateLogger<PublicationRunner>();
        History = new PublicationHistory(dataSource, this.time);
        planner = new PublicationPlanner(History, exports, exportOptions, kaggleOptions, options);
    }

    /// <summary>The publications recorded.</summary>
    public PublicationHistory History { get; }

    /// <summary>Exports (or takes <see cref="PublishRequest.From"/>), writes the metadata and plans without sending anything.</summary>
    /// <remarks>
    /// Whether the dataset is created is asked of Kaggle (GetDataset, a read) only when credentials are found;
    /// otherwise <see cref="PublicationPlan.CreatesDataset"/> is <c>null</c>.
    /// </remarks>
    /// <exception cref="ExportFailedException">The export failed, or <see cref="PublishRequest.From"/> is no complete export.</exception>
    /// <exception cref="KaggleException">The metadata cannot be read, or Kaggle refused the credentials.</exception>
    public async Task<PublicationPlan> PlanAsync(
        PublishRequest request,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var (plan, _) = await PlanWithSourceAsync(
            request,
            new PublicationAttempt(0, "", 0),
            true,
            progress,
            cancellationToken
        );
        return plan;
    }

    /// <summary>
    /// Publishes (a dry run records the plan and sends nothing). A refused or failed publication is recorded and
    /// returned with <see cref="PublicationOutcome.Failed"/> and its error; credentials that are missing or refused
    /// throw <see cref="KaggleException"/> as well, after being recorded.
    /// </summary>
    /// <exception cref="PublicationBusyException">Another publication is running.</exception>
    /// <exception cref="KaggleException">Credentials are missing or refused (after the failure is recorded).</exception>
    /// <exception cref="OperationCanceledException">
    /// Cancelled: recorded as failed, unless the create call may already have been sent; then the publication
    /// stays running for <see cref="ResumeAsync"/> (or the next publication) to settle.
    /// </exception>
    public async Task<PublicationRecord> PublishAsync(
        PublishRequest request,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DryRun)
        {
            return await DryRunAsync(request, progress, cancellationToken);
        }

        await using var gate = await AcquireAsync(cancellationToken);
        var dataset = planner.ConfiguredDataset(request.Dataset) ?? "";
        var id = await History.StartAsync(dataset, request.Origin, ThisHost, cancellationToken);
        var attempt = new PublicationAttempt(id, dataset, time.GetTimestamp());
        using var activity = PublishingTelemetry.ActivitySource.StartActivity("publish");
        activity?.SetTag("phdb.publication.id", id);
        activity?.SetTag("phdb.publication.origin", request.Origin);
        PublishingLog.Started(logger, id, request.Origin, ThisHost);
        return await GuardAsync(
            attempt,
            activity,
            async () =>
            {
                var found = credentials();
                PublishingLog.UsingCredentials(logger, id, found.Source);
                using var client = NewClient(found);
                await SettleAbandonedAsync(client, id, cancellationToken);
                var (plan, source) = await PlanWithSourceAsync(request, attempt, false, progress, cancellationToken);
                attempt.Dataset = plan.Dataset;
                activity?.SetTag("phdb.publication.dataset", plan.Dataset);
                await History.RecordPlanAsync(id, plan, source.Name, source.Manifest, cancellationToken);
                PublishingLog.Planned(logger, id, plan.Files.Count, plan.Bytes, source.Name, plan.Dataset);
                if (!plan.IsValid)
                {
                    return await FailAsync(attempt, activity, Refusal(plan));
                }

                return await UploadAndCommitAsync(attempt, activity, gate, client, plan, progress, cancellationToken);
            },
            cancellationToken
        );
    }

    /// <summary>
    /// Continues publication <paramref name="publicationId"/> after its host was lost: when Kaggle already has the
    /// version it was creating, marks it succeeded; otherwise uploads again and commits. Never creates two versions.
    /// A publication that is not running is returned as it is.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no such publication.</exception>
    /// <exception cref="PublicationBusyException">Another publication is running.</exception>
    /// <exception cref="KaggleException">Credentials are missing or refused (after the failure is recorded).</exception>
    public async Task<PublicationRecord> ResumeAsync(
        long publicationId,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        var row = await GetExistingAsync(publicationId, cancellationToken);
        if (row.Outcome != PublicationOutcome.Running)
        {
            return row;
        }

        await using var gate = await AcquireAsync(cancellationToken);
        row = await GetExistingAsync(publicationId, cancellationToken);
        if (row.Outcome != PublicationOutcome.Running)
        {
            return row;
        }

        var attempt = new PublicationAttempt(row.Id, row.Dataset, time.GetTimestamp())
        {
            Stage = row.Stage,
            Expected = row.ExpectedVersion,
            Warnings = row.Warnings,
        };
        using var activity = PublishingTelemetry.ActivitySource.StartActivity("resume publication");
        activity?.SetTag("phdb.publication.id", row.Id);
        activity?.SetTag("phdb.publication.dataset", row.Dataset);
        return await GuardAsync(
            attempt,
            activity,
            async () =>
            {
                var found = credentials();
                PublishingLog.UsingCredentials(logger, row.Id, found.Source);
                using var client = NewClient(found);
                if (
                    row.Stage is PublicationStage.Committing or PublicationStage.Processing
                    && row.ExpectedVersion is { } expected
                    && SplitDataset(row.Dataset) is var (owner, slug)
                )
                {
                    var current = await client.GetDatasetAsync(owner, slug, cancellationToken);
                    if (current is not null && current.CurrentVersionNumber >= expected)
                    {
                        PublishingLog.AlreadyCommitted(logger, row.Id, expected, row.Dataset);
                        attempt.Version = expected;
                        attempt.Ref = current.Ref;
                        attempt.Url = current.Url;
                        attempt.Stage = PublicationStage.Processing;
                        await History.SetStageAsync(row.Id, PublicationStage.Processing, null, cancellationToken);
                        return await WaitAndSucceedAsync(
                            attempt,
                            activity,
                            client,
                            owner,
                            slug,
                            progress,
                            cancellationToken
                        );
                    }
                }

                if (row.ExportDirectory is null)
                {
                    return await FailAsync(
                        attempt,
                        activity,
                        $"Publication {row.Id} stopped while {PublicationText.Of(row.Stage)}, before its export was "
                            + "written, so it cannot be resumed: publish again."
                    );
                }

                if (
                    !File.Exists(Path.Join(row.ExportDirectory, ExportCatalog.ManifestFile))
                    || !File.Exists(Path.Join(row.ExportDirectory, DatasetMetadata.FileName))
                )
                {
                    return await FailAsync(
                        attempt,
                        activity,
                        $"The export folder {row.ExportDirectory} of publication {row.Id} is gone, so it cannot be "
                            + "resumed: publish again."
                    );
                }

                PublishingLog.Redoing(logger, row.Id, row.Stage, row.ExportDirectory);
                var source = planner.OpenFolder(row.ExportDirectory);
                attempt.Stage = PublicationStage.Validating;
                var plan = await planner.PlanFolderAsync(
                    source,
                    row.Dataset.Length > 0 ? row.Dataset : null,
                    row.Notes.Length > 0 ? row.Notes : null,
                    progress,
                    cancellationToken
                );
                attempt.Dataset = plan.Dataset;
                await History.RecordPlanAsync(row.Id, plan, source.Name, source.Manifest, cancellationToken);
                if (!plan.IsValid)
                {
                    return await FailAsync(attempt, activity, Refusal(plan));
                }

                return await UploadAndCommitAsync(attempt, activity, gate, client, plan, progress, cancellationToken);
            },
            cancellationToken
        );
    }

    private async Task<PublicationRecord> DryRunAsync(
        PublishRequest request,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        var startedAt = time.GetUtcNow();
        var attempt = new PublicationAttempt(0, planner.ConfiguredDataset(request.Dataset) ?? "", time.GetTimestamp());
        using var activity = PublishingTelemetry.ActivitySource.StartActivity("publication dry run");
        activity?.SetTag("phdb.publication.origin", request.Origin);
        PublicationRecord record;
        KaggleException? refused = null;
        try
        {
            var (plan, source) = await PlanWithSourceAsync(request, attempt, true, progress, cancellationToken);
            activity?.SetTag("phdb.publication.dataset", plan.Dataset);
            PublishingLog.DryRun(logger, plan.Dataset, plan.Files.Count, plan.Bytes, plan.Problems.Count);
            record = new PublicationRecord(
                0,
                plan.Dataset,
                request.Origin,
                startedAt,
                time.GetUtcNow(),
                PublicationOutcome.DryRun,
                PublicationStage.Done,
                null,
                null,
                null,
                plan.Notes,
                plan.Files.Count,
                plan.Bytes,
                source.Name,
                source.Manifest.Tables,
                source.Manifest.HighWater.LastRunId,
                source.Manifest.HighWater.NewestObservation,
                plan.IsValid ? null : Refusal(plan),
                []
            )
            {
                FileList = plan.Files,
                ExportDirectory = plan.ExportDirectory,
                Host = ThisHost,
            };
        }
        catch (Exception e) when (e is KaggleException or ExportFailedException)
        {
            refused = e is KaggleException { Failure: KaggleFailure.Unauthorized or KaggleFailure.MissingCredentials } k
                ? k
                : null;
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            record = new PublicationRecord(
                0,
                attempt.Dataset,
                request.Origin,
                startedAt,
                time.GetUtcNow(),
                PublicationOutcome.Failed,
                attempt.Stage,
                null,
                null,
                null,
                request.Notes ?? "",
                0,
                0,
                null,
                new Dictionary<string, long>(),
                null,
                null,
                $"Dry run: {e.Message}",
                []
            )
            {
                Host = ThisHost,
            };
        }

        var id = await History.InsertAsync(record, CancellationToken.None);
        PublishingTelemetry.Publications.Add(1, Outcome(record.Outcome));
        if (refused is not null)
        {
            ExceptionDispatchInfo.Throw(refused);
        }

        return record with
        {
            Id = id,
        };
    }

    private async Task<(PublicationPlan Plan, ExportSource Source)> PlanWithSourceAsync(
        PublishRequest request,
        PublicationAttempt attempt,
        bool askKaggle,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        attempt.Stage = PublicationStage.Exporting;
        var source = await planner.PrepareAsync(request, progress, cancellationToken);
        attempt.Stage = PublicationStage.Validating;
        var plan = await planner.PlanFolderAsync(source, request.Dataset, request.Notes, progress, cancellationToken);
        attempt.Dataset = plan.Dataset;
        if (askKaggle)
        {
            plan = plan with { CreatesDataset = await CreatesDatasetAsync(plan, cancellationToken) };
        }

        return (plan, source);
    }

    /// <summary>Whether a dry run's dataset would be created; <c>null</c> when Kaggle cannot be asked.</summary>
    private async Task<bool?> CreatesDatasetAsync(PublicationPlan plan, CancellationToken cancellationToken)
    {
        if (SplitDataset(plan.Dataset) is not var (owner, slug))
        {
            return null;
        }

        KaggleCredentials found;
        try
        {
            found = credentials();
        }
        catch (KaggleException e) when (e.Failure == KaggleFailure.MissingCredentials)
        {
            PublishingLog.DryRunUnanswered(logger, plan.Dataset, "no Kaggle credentials were found");
            return null;
        }

        using var client = NewClient(found);
        try
        {
            return await client.GetDatasetAsync(owner, slug, cancellationToken) is null;
        }
        catch (KaggleException e) when (e.Failure is not KaggleFailure.Unauthorized)
        {
            PublishingLog.DryRunUnanswered(logger, plan.Dataset, e.Message);
            return null;
        }
    }

    private async Task<PublicationRecord> UploadAndCommitAsync(
        PublicationAttempt attempt,
        Activity? activity,
        PublicationLock gate,
        KaggleApiClient client,
        PublicationPlan plan,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        var (owner, slug) = (plan.Metadata.Owner, plan.Metadata.Slug);
        var existing = await client.GetDatasetAsync(owner, slug, cancellationToken);
        var creates = existing is null;
        activity?.SetTag("phdb.publication.creates", creates);

        attempt.Stage = PublicationStage.Uploading;
        await History.SetStageAsync(attempt.Id, PublicationStage.Uploading, null, cancellationToken);
        var uploads = new List<DatasetFileUpload>(plan.Files.Count);
        long done = 0;
        foreach (var file in plan.Files)
        {
            PublishingLog.Uploading(logger, attempt.Id, file.Path, file.Bytes);
            progress?.Report(new PublicationProgress(PublicationStage.Uploading, file.Path, done, plan.Bytes));
            var before = done;
            var token = await client.UploadFileAsync(
                Path.Join(plan.ExportDirectory, file.Path),
                file.Name,
                progress is null
                    ? null
                    : new ProgressOf<long>(bytes =>
                        progress.Report(
                            new PublicationProgress(PublicationStage.Uploading, file.Path, before + bytes, plan.Bytes)
                        )
                    ),
                cancellationToken
            );
            done += file.Bytes;
            uploads.Add(Upload(plan.Metadata, file.Path, token));
        }

        var expected = creates ? 1 : existing!.CurrentVersionNumber + 1;
        await gate.EnsureHeldAsync(cancellationToken);
        attempt.Stage = PublicationStage.Committing;
        attempt.Expected = expected;
        await History.SetStageAsync(attempt.Id, PublicationStage.Committing, expected, cancellationToken);
        PublishingLog.Committing(logger, attempt.Id, creates ? "creates" : "versions", plan.Dataset, expected);
        progress?.Report(
            new PublicationProgress(
                PublicationStage.Committing,
                creates
                    ? $"creating {plan.Dataset}"
                    : string.Create(CultureInfo.InvariantCulture, $"creating version {expected} of {plan.Dataset}")
            )
        );
        var answer = await CommitAsync(attempt, client, plan, creates, uploads, expected, cancellationToken);
        if (!answer.Succeeded)
        {
            var what = creates
                ? $"the new dataset {plan.Dataset}"
                : string.Create(CultureInfo.InvariantCulture, $"version {expected} of {plan.Dataset}");
            var why = string.IsNullOrWhiteSpace(answer.Error) ? $"status '{answer.Status}'" : answer.Error;
            return await FailAsync(attempt, activity, $"Kaggle refused {what}: {why}");
        }

        attempt.Version = expected;
        attempt.Ref = string.IsNullOrEmpty(answer.Ref) ? plan.Dataset : answer.Ref;
        attempt.Url = string.IsNullOrEmpty(answer.Url) ? null : answer.Url;
        attempt.Warnings = answer.InvalidTags ?? [];
        if (attempt.Warnings.Count > 0)
        {
            PublishingLog.InvalidTags(logger, plan.Dataset, string.Join(", ", attempt.Warnings));
        }

        attempt.Stage = PublicationStage.Processing;
        await History.SetStageAsync(attempt.Id, PublicationStage.Processing, null, cancellationToken);
        return await WaitAndSucceedAsync(attempt, activity, client, owner, slug, progress, cancellationToken);
    }

    /// <summary>
    /// Creates the dataset or the version. When the call fails in a way that leaves open whether Kaggle carried it
    /// out (a server error, no answer), Kaggle is asked: a dataset that reached the expected version counts as
    /// created, so the publication never makes a second one.
    /// </summary>
    private async Task<DatasetCreateAnswer> CommitAsync(
        PublicationAttempt attempt,
        KaggleApiClient client,
        PublicationPlan plan,
        bool creates,
        IReadOnlyList<DatasetFileUpload> uploads,
        int expected,
        CancellationToken cancellationToken
    )
    {
        var m = plan.Metadata;
        try
        {
            return creates
                ? await client.CreateDatasetAsync(
                    new NewDataset(
                        m.Owner,
                        m.Slug,
                        m.Title,
                        m.Licenses[0],
                        m.Subtitle,
                        m.Description,
                        m.IsPrivate,
                        uploads,
                        m.Keywords
                    ),
                    cancellationToken
                )
                : await client.CreateDatasetVersionAsync(
                    m.Owner,
                    m.Slug,
                    new NewDatasetVersion(plan.Notes, false, uploads, m.Subtitle, m.Description, m.Keywords),
                    cancellationToken
                );
        }
        catch (KaggleException e)
            when (e.Failure is KaggleFailure.ServerError or KaggleFailure.Unreachable or KaggleFailure.Timeout)
        {
            var after = await client.GetDatasetAsync(m.Owner, m.Slug, cancellationToken);
            if (after is null || after.CurrentVersionNumber < expected)
            {
                throw;
            }

            PublishingLog.AlreadyCommitted(logger, attempt.Id, expected, plan.Dataset);
            return new DatasetCreateAnswer(after.Ref, after.Url, "ok", null, []);
        }
    }

    private async Task<PublicationRecord> WaitAndSucceedAsync(
        PublicationAttempt attempt,
        Activity? activity,
        KaggleApiClient client,
        string owner,
        string slug,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        progress?.Report(
            new PublicationProgress(
                PublicationStage.Processing,
                string.Create(CultureInfo.InvariantCulture, $"Kaggle is processing version {attempt.Version}")
            )
        );
        await client.WaitUntilReadyAsync(
            owner,
            slug,
            progress is null
                ? null
                : new ProgressOf<KaggleDatasetStatus>(status =>
                    progress.Report(new PublicationProgress(PublicationStage.Processing, StatusText(status)))
                ),
            cancellationToken
        );
        await History.FinishAsync(
            attempt.Id,
            new PublicationFinish(
                PublicationOutcome.Succeeded,
                attempt.Version,
                attempt.Ref,
                attempt.Url,
                null,
                attempt.Warnings
            ),
            CancellationToken.None
        );
        attempt.Stage = PublicationStage.Done;
        progress?.Report(new PublicationProgress(PublicationStage.Done, attempt.Url ?? attempt.Dataset));
        var seconds = time.GetElapsedTime(attempt.StartedTimestamp).TotalSeconds;
        PublishingLog.Succeeded(logger, attempt.Id, attempt.Version ?? 0, attempt.Dataset, seconds);
        PublishingTelemetry.Publications.Add(1, Outcome(PublicationOutcome.Succeeded));
        activity?.SetTag("phdb.publication.outcome", "succeeded");
        activity?.SetTag("phdb.publication.version", attempt.Version);
        return await GetExistingAsync(attempt.Id, CancellationToken.None);
    }

    /// <summary>
    /// Runs a publication's steps, recording any failure: Kaggle's and the export's are returned as a failed
    /// publication (missing or refused credentials are rethrown too); a cancellation is recorded as failed unless
    /// the create call may have been sent, when the publication stays running to be settled by a resume.
    /// </summary>
    private async Task<PublicationRecord> GuardAsync(
        PublicationAttempt attempt,
        Activity? activity,
        Func<Task<PublicationRecord>> steps,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await steps();
        }
        catch (KaggleException e)
        {
            var failed = await FailAsync(attempt, activity, FailureText(attempt, e));
            if (e.Failure is KaggleFailure.Unauthorized or KaggleFailure.MissingCredentials)
            {
                throw;
            }

            return failed;
        }
        catch (ExportFailedException e)
        {
            return await FailAsync(attempt, activity, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (attempt.Stage is PublicationStage.Committing or PublicationStage.Processing)
            {
                PublishingLog.LeftRunning(
                    logger,
                    attempt.Id,
                    PublicationText.Of(attempt.Stage),
                    attempt.Expected,
                    attempt.Dataset
                );
                activity?.SetStatus(ActivityStatusCode.Error, "cancelled; left running to be resumed");
            }
            else
            {
                await FailAsync(attempt, activity, "cancelled");
            }

            throw;
        }
        catch (Exception e) when (e is not PublicationBusyException)
        {
            try
            {
                await FailAsync(attempt, activity, $"Unexpected failure: {e.Message}");
            }
            catch (NpgsqlException)
            {
                // The database is gone as well: the publication stays running until it is settled.
            }

            throw;
        }
    }

    private static string FailureText(PublicationAttempt attempt, KaggleException e) =>
        attempt.Stage == PublicationStage.Processing && attempt.Version is { } version
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"Kaggle created version {version} of {attempt.Dataset} but did not finish processing it: {e.Message}"
            )
            : e.Message;

    private async Task<PublicationRecord> FailAsync(PublicationAttempt attempt, Activity? activity, string error)
    {
        await History.FinishAsync(
            attempt.Id,
            new PublicationFinish(
                PublicationOutcome.Failed,
                attempt.Version,
                attempt.Ref,
                attempt.Url,
                error,
                attempt.Warnings
            ),
            CancellationToken.None
        );
        PublishingLog.Failed(logger, attempt.Id, attempt.Dataset, PublicationText.Of(attempt.Stage), error);
        PublishingTelemetry.Publications.Add(1, Outcome(PublicationOutcome.Failed));
        activity?.SetTag("phdb.publication.outcome", "failed");
        activity?.SetStatus(ActivityStatusCode.Error, error);
        return await GetExistingAsync(attempt.Id, CancellationToken.None);
    }

    /// <summary>
    /// Settles the publications a lost host left running (this host holds the lock, so none of them is under
    /// way): one whose create call Kaggle carried out is recorded as succeeded with that version, any other as failed.
    /// </summary>
    private async Task SettleAbandonedAsync(KaggleApiClient client, long ownId, CancellationToken cancellationToken)
    {
        foreach (var row in await History.ListRunningAsync(cancellationToken))
        {
            if (row.Id == ownId)
            {
                continue;
            }

            var stage = PublicationText.Of(row.Stage);
            var finish = new PublicationFinish(
                PublicationOutcome.Failed,
                Error: $"Abandoned: its host ({row.Host}) stopped while {stage}, before anything was committed.",
                Warnings: row.Warnings
            );
            if (
                row.Stage is PublicationStage.Committing or PublicationStage.Processing
                && row.ExpectedVersion is { } expected
                && SplitDataset(row.Dataset) is var (owner, slug)
            )
            {
                var current = await client.GetDatasetAsync(owner, slug, cancellationToken);
                finish =
                    current is not null && current.CurrentVersionNumber >= expected
                        ? new PublicationFinish(
                            PublicationOutcome.Succeeded,
                            expected,
                            current.Ref,
                            current.Url,
                            null,
                            row.Warnings
                        )
                        : finish with
                        {
                            Error = string.Create(
                                CultureInfo.InvariantCulture,
                                $"Abandoned: its host ({row.Host}) stopped while {stage}, and Kaggle never created version {expected}."
                            ),
                        };
            }

            await History.FinishAsync(row.Id, finish, cancellationToken);
            PublishingLog.Settled(logger, row.Id, row.Host, stage, PublicationText.Of(finish.Outcome));
        }
    }

    private async Task<PublicationLock> AcquireAsync(CancellationToken cancellationToken) =>
        await PublicationLock.TryAcquireAsync(dataSource, cancellationToken)
        ?? throw new PublicationBusyException(
            await History.ListRunningAsync(cancellationToken) is [.., var newest] ? newest : null
        );

    private async Task<PublicationRecord> GetExistingAsync(long id, CancellationToken cancellationToken) =>
        await History.GetAsync(id, cancellationToken)
        ?? throw new InvalidOperationException($"There is no publication {id}.");

    private KaggleApiClient NewClient(KaggleCredentials found) =>
        new(kaggleOptions, found, loggers.CreateLogger<KaggleApiClient>(), time, kaggleHandler);

    private static (string Owner, string Slug)? SplitDataset(string dataset) =>
        dataset.Split('/') is [var owner, var slug] && owner.Length > 0 && slug.Length > 0 ? (owner, slug) : null;

    private static DatasetFileUpload Upload(DatasetMetadata metadata, string path, string token)
    {
        var resource = metadata.Resources.FirstOrDefault(r => r.Path == path);
        var description =
            resource?.Description
            ?? path switch
            {
                DataCard.ReadmeFile =>
                    "The data card: coverage, row counts, the data dictionary, redaction and limitations.",
                ExportCatalog.ManifestFile => "Every file's tables, rows, bytes, SHA-256 and schema.",
                _ => null,
            };
        return new DatasetFileUpload(token, description, resource?.Columns is { Count: > 0 } columns ? columns : null);
    }

    private static string Refusal(PublicationPlan plan) =>
        $"Kaggle would refuse {plan.Dataset}: {string.Join("; ", plan.Problems)}";

    private static string StatusText(KaggleDatasetStatus status) =>
        status switch
        {
            KaggleDatasetStatus.NotYetPersisted => "Kaggle has not stored the version yet",
            KaggleDatasetStatus.BlobsReceived => "Kaggle received the files",
            KaggleDatasetStatus.BlobsDecompressed => "Kaggle unpacked the files",
            KaggleDatasetStatus.BlobsCopiedToSds => "Kaggle copied the files",
            KaggleDatasetStatus.IndividualBlobsCompressed => "Kaggle compressed the files",
            KaggleDatasetStatus.Ready => "Kaggle finished processing",
            KaggleDatasetStatus.Reprocessing => "Kaggle is processing the version again",
            _ => $"Kaggle says {status}",
        };

    private static KeyValuePair<string, object?> Outcome(PublicationOutcome outcome) =>
        new("outcome", PublicationText.Of(outcome));
}
