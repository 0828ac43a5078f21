using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PHDB.Publishing;

namespace PHDB.Admin.Tests.Publishing;

/// <summary>
/// Writes rows into a migrated database's <c>publications</c> table as the publishing runner leaves them (its writes
/// are its own), for the page to read through the real <see cref="PublicationHistory"/>.
/// </summary>
internal static class StoredPublications
{
    public static async Task<long> InsertAsync(
        NpgsqlDataSource dataSource,
        PublicationRecord record,
        IReadOnlyList<(string Path, long Bytes)> files
    )
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO publications (dataset, origin, started_at, finished_at, outcome, stage, version, ref, url,
                notes, files, bytes, export_name, tables, error, warnings, host)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14::jsonb, $15, $16::jsonb, 'test-host:1')
            RETURNING id
            """
        );
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = record.Dataset });
        p.Add(new NpgsqlParameter<string> { TypedValue = record.Origin });
        p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = record.StartedAt });
        p.Add(Nullable(record.FinishedAt, NpgsqlDbType.TimestampTz));
        p.Add(new NpgsqlParameter<string> { TypedValue = Spelled(record.Outcome) });
        p.Add(new NpgsqlParameter<string> { TypedValue = record.Stage.ToString().ToLowerInvariant() });
        p.Add(Nullable(record.Version, NpgsqlDbType.Integer));
        p.Add(Nullable(record.Ref, NpgsqlDbType.Text));
        p.Add(Nullable(record.Url, NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter<string> { TypedValue = record.Notes });
        p.Add(
            new NpgsqlParameter<string>
            {
                TypedValue = JsonSerializer.Serialize(files.Select(f => new { path = f.Path, bytes = f.Bytes })),
            }
        );
        p.Add(new NpgsqlParameter<long> { TypedValue = record.Bytes });
        p.Add(Nullable(record.ExportName, NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(record.Tables) });
        p.Add(Nullable(record.Error, NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(record.Warnings) });
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Finishes running publication <paramref name="id"/> as the runner does when Kaggle made the version.</summary>
    public static async Task SucceedAsync(
        NpgsqlDataSource dataSource,
        long id,
        DateTimeOffset finishedAt,
        int version,
        string url
    )
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE publications SET outcome = 'succeeded', stage = 'done', finished_at = $2, version = $3,
                ref = dataset, url = $4
            WHERE id = $1 AND outcome = 'running'
            """
        );
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = finishedAt });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = url });
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    private static string Spelled(PublicationOutcome outcome) =>
        outcome == PublicationOutcome.DryRun ? "dry_run" : outcome.ToString().ToLowerInvariant();

    private static NpgsqlParameter Nullable<T>(T? value, NpgsqlDbType type)
        where T : struct => new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = type };

    private static NpgsqlParameter Nullable(string? value, NpgsqlDbType type) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = type };
}
