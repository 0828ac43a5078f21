using Npgsql;

namespace PHDB.Storage;

/// <summary>Reads <see cref="StoredTotals"/>.</summary>
public sealed class StoredTotalsReader
{
    private readonly NpgsqlDataSource dataSource;

    /// <summary>Creates a reader on <paramref name="dataSource"/>.</summary>
    public StoredTotalsReader(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    /// <summary>The totals now.</summary>
    public async Task<StoredTotals> ReadAsync(CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.ActivitySource.StartActivity("read stored totals");
        await using var command = dataSource.CreateCommand(
            """
            SELECT (SELECT count(*) FROM posts WHERE name IS NOT NULL),
                (SELECT count(*) FROM comments WHERE body IS NOT NULL),
                (SELECT count(*) FROM users),
                (SELECT CASE WHEN reltuples < 1000000 THEN (SELECT count(*) FROM votes) ELSE reltuples::bigint END
                    FROM pg_class WHERE oid = 'votes'::regclass)
            """
        );
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoredTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
