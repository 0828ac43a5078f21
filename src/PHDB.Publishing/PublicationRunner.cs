using Microsoft.Extensions.Logging;
using Npgsql;
using PHDB.Export;
using PHDB.Kaggle;

namespace PHDB.Publishing;

/// <summary>
/// Publishes an export as a Kaggle dataset: exports (or takes an export folder), writes and validates its
/// <c>dataset-metadata.json</c>, asks Kaggle whether the dataset exists, uploads the export's files, creates the
/// dataset or a new version with release notes, waits until Kaggle has processed it and records it all in the
/// <c>publications</c> table. One publication runs at a time across every host (a PostgreSQL advisory lock).
/// </summary>
public sealed class PublicationRunner(
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
    /// <summary>Exports (or takes <see cref="PublishRequest.From"/>), writes the metadata and plans without sending anything.</summary>
    public Task<PublicationPlan> PlanAsync(
        PublishRequest request,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    ) => throw new NotImplementedException();

    /// <summary>
    /// Publishes (a dry run records the plan and sends nothing). A refused or failed publication is recorded and
    /// returned with <see cref="PublicationOutcome.Failed"/> and its error; credentials that are missing or refused
    /// throw <see cref="KaggleException"/> as well, after being recorded.
    /// </summary>
    public Task<PublicationRecord> PublishAsync(
        PublishRequest request,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    ) => throw new NotImplementedException();

    /// <summary>
    /// Continues publication <paramref name="publicationId"/> after its host was lost: when Kaggle already has the
    /// version it was creating, marks it succeeded; otherwise uploads again and commits. Never creates two versions.
    /// </summary>
    public Task<PublicationRecord> ResumeAsync(
        long publicationId,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    ) => throw new NotImplementedException();
}
