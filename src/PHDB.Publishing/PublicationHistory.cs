using Npgsql;

namespace PHDB.Publishing;

/// <summary>The <c>publications</c> table: every publication with its outcome, and the runs a release includes.</summary>
public sealed class PublicationHistory(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>The newest publications first.</summary>
    public Task<IReadOnlyList<PublicationRecord>> ListAsync(int limit, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>One publication, or <c>null</c>.</summary>
    public Task<PublicationRecord?> GetAsync(long id, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The newest succeeded publication of <paramref name="dataset"/>, or <c>null</c>.</summary>
    public Task<PublicationRecord?> LastSucceededAsync(string dataset, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Succeeded harvest runs after run <paramref name="afterRunId"/> (all when <c>null</c>), oldest first.</summary>
    public Task<IReadOnlyList<HarvestRunSummary>> RunsSinceAsync(long? afterRunId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
