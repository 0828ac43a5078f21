using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PHDB.Export;

namespace PHDB.Publishing;

/// <summary>The <c>publications</c> table: every publication with its outcome, and the runs a release includes.</summary>
public sealed class PublicationHistory(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Columns =
        "id, dataset, origin, started_at, finished_at, outcome, stage, expected_version, version, ref, url, notes, "
        + "files::text, bytes, export_name, export_directory, tables::text, last_run_id, high_water, error, "
        + "warnings::text, host";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NpgsqlDataSource dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    private readonly TimeProvider time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>The newest publications first.</summary>
    public async Task<IReadOnlyList<PublicationRecord>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM publications ORDER BY started_at DESC, id DESC LIMIT $1"
        );
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>One publication, or <c>null</c>.</summary>
    public async Task<PublicationRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM publications WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The newest succeeded publication of <paramref name="dataset"/>, or <c>null</c>.</summary>
    public async Task<PublicationRecord?> LastSucceededAsync(string dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM publications
            WHERE dataset = $1 AND outcome = 'succeeded'
            ORDER BY finished_at DESC, id DESC LIMIT 1
            """
        );
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dataset });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Publications still recorded as running, oldest first: the one under way, or a lost host's, which
    /// <see cref="PublicationRunner.ResumeAsync"/> settles.
    /// </summary>
    public async Task<IReadOnlyList<PublicationRecord>> ListRunningAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM publications WHERE outcome = 'running' ORDER BY started_at, id"
        );
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Succeeded harvest runs after run <paramref name="afterRunId"/> (all when <c>null</c>), oldest first.</summary>
    public async Task<IReadOnlyList<HarvestRunSummary>> RunsSinceAsync(
        long? afterRunId,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, mode, started_at, finished_at FROM harvest_runs
            WHERE outcome = 'succeeded' AND id > $1
            ORDER BY id
            """
        );
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterRunId ?? 0 });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<HarvestRunSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(
                new HarvestRunSummary(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetFieldValue<DateTimeOffset>(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)
                )
            );
        }

        return runs;
    }

    /// <summary>Records a publication that starts now (running, exporting) and returns its id.</summary>
    internal async Task<long> StartAsync(
        string dataset,
        string origin,
        string host,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO publications (dataset, origin, started_at, outcome, stage, host)
            VALUES ($1, $2, $3, 'running', 'exporting', $4) RETURNING id
            """
        );
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dataset });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = origin });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = host });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Records a whole publication at once (a dry run); <see cref="PublicationRecord.Id"/> is ignored.</summary>
    internal async Task<long> InsertAsync(PublicationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO publications (dataset, origin, started_at, finished_at, outcome, stage, expected_version,
                version, ref, url, notes, files, bytes, export_name, export_directory, tables, last_run_id,
                high_water, error, warnings, host)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15, $16::jsonb, $17, $18,
                $19, $20::jsonb, $21)
            RETURNING id
            """
        );
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = record.Dataset });
        p.Add(new NpgsqlParameter<string> { TypedValue = record.Origin });
        p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = record.StartedAt });
        p.Add(Nullable(record.FinishedAt, NpgsqlDbType.TimestampTz));
        p.Add(new NpgsqlParameter<string> { TypedValue = PublicationText.Of(record.Outcome) });
        p.Add(new NpgsqlParameter<string> { TypedValue = PublicationText.Of(record.Stage) });
        p.Add(Nullable(record.ExpectedVersion, NpgsqlDbType.Integer));
        p.Add(Nullable(record.Version, NpgsqlDbType.Integer));
        p.Add(Nullable(record.Ref, NpgsqlDbType.Text));
        p.Add(Nullable(record.Url, NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter<string> { TypedValue = record.Notes });
        p.Add(new NpgsqlParameter<string> { TypedValue = FilesJson(record.FileList) });
        p.Add(new NpgsqlParameter<long> { TypedValue = record.Bytes });
        p.Add(Nullable(record.ExportName, NpgsqlDbType.Text));
        p.Add(Nullable(record.ExportDirectory, NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(record.Tables, Json) });
        p.Add(Nullable(record.LastRunId, NpgsqlDbType.Bigint));
        p.Add(Nullable(record.HighWater, NpgsqlDbType.TimestampTz));
        p.Add(Nullable(record.Error, NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(record.Warnings, Json) });
        p.Add(new NpgsqlParameter<string> { TypedValue = record.Host });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Records what a publication sends (stage validating): the export, its files, bytes, notes and tables.</summary>
    internal async Task RecordPlanAsync(
        long id,
        PublicationPlan plan,
        string exportName,
        ExportManifest manifest,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(manifest);
        await using var command = dataSource.CreateCommand(
            """
            UPDATE publications SET stage = 'validating', dataset = $2, notes = $3, files = $4::jsonb, bytes = $5,
                export_name = $6, export_directory = $7, tables = $8::jsonb, last_run_id = $9, high_water = $10
            WHERE id = $1 AND outcome = 'running'
            """
        );
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<long> { TypedValue = id });
        p.Add(new NpgsqlParameter<string> { TypedValue = plan.Dataset });
        p.Add(new NpgsqlParameter<string> { TypedValue = plan.Notes });
        p.Add(new NpgsqlParameter<string> { TypedValue = FilesJson(plan.Files) });
        p.Add(new NpgsqlParameter<long> { TypedValue = plan.Bytes });
        p.Add(new NpgsqlParameter<string> { TypedValue = exportName });
        p.Add(new NpgsqlParameter<string> { TypedValue = plan.ExportDirectory });
        p.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(manifest.Tables, Json) });
        p.Add(Nullable(manifest.HighWater.LastRunId, NpgsqlDbType.Bigint));
        p.Add(Nullable(manifest.HighWater.NewestObservation, NpgsqlDbType.TimestampTz));
        await ExpectOneAsync(command, id, cancellationToken);
    }

    /// <summary>Records the stage a running publication enters (and, for committing, the version it expects).</summary>
    internal async Task SetStageAsync(
        long id,
        PublicationStage stage,
        int? expectedVersion,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE publications SET stage = $2, expected_version = coalesce($3, expected_version)
            WHERE id = $1 AND outcome = 'running'
            """
        );
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PublicationText.Of(stage) });
        command.Parameters.Add(Nullable(expectedVersion, NpgsqlDbType.Integer));
        await ExpectOneAsync(command, id, cancellationToken);
    }

    /// <summary>Records how a running publication ended; a success moves it to stage done.</summary>
    internal async Task FinishAsync(long id, PublicationFinish finish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finish);
        if (finish.Outcome is PublicationOutcome.Running or PublicationOutcome.DryRun)
        {
            throw new ArgumentException("A publication ends succeeded or failed.", nameof(finish));
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE publications SET finished_at = $2, outcome = $3,
                stage = CASE WHEN $3 = 'succeeded' THEN 'done' ELSE stage END,
                version = coalesce($4, version), ref = coalesce($5, ref), url = coalesce($6, url), error = $7,
                warnings = $8::jsonb
            WHERE id = $1 AND outcome = 'running'
            """
        );
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<long> { TypedValue = id });
        p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        p.Add(new NpgsqlParameter<string> { TypedValue = PublicationText.Of(finish.Outcome) });
        p.Add(Nullable(finish.Version, NpgsqlDbType.Integer));
        p.Add(Nullable(finish.Ref, NpgsqlDbType.Text));
        p.Add(Nullable(finish.Url, NpgsqlDbType.Text));
        p.Add(Nullable(finish.Error, NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(finish.Warnings ?? [], Json) });
        await ExpectOneAsync(command, id, cancellationToken);
    }

    private static async Task ExpectOneAsync(NpgsqlCommand command, long id, CancellationToken cancellationToken)
    {
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException($"There is no running publication {id}.");
        }
    }

    private static string FilesJson(IReadOnlyList<PlannedFile> files) =>
        JsonSerializer.Serialize(files.Select(f => new FileEntry(f.Path, f.Bytes)).ToList(), Json);

    private static NpgsqlParameter Nullable<T>(T? value, NpgsqlDbType type)
        where T : struct => new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = type };

    private static NpgsqlParameter Nullable(string? value, NpgsqlDbType type) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = type };

    private static async Task<IReadOnlyList<PublicationRecord>> ReadAsync(
        NpgsqlCommand command,
        CancellationToken cancellationToken
    )
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<PublicationRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var files =
                JsonSerializer.Deserialize<List<FileEntry>>(reader.GetString(12), Json)
                ?? throw new FormatException("publications.files is not a list.");
            var tables =
                JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(16), Json)
                ?? throw new FormatException("publications.tables is not an object.");
            var warnings =
                JsonSerializer.Deserialize<List<string>>(reader.GetString(20), Json)
                ?? throw new FormatException("publications.warnings is not a list.");
            records.Add(
                new PublicationRecord(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                    PublicationText.Outcome(reader.GetString(5)),
                    PublicationText.Stage(reader.GetString(6)),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10),
                    reader.GetString(11),
                    files.Count,
                    reader.GetInt64(13),
                    reader.IsDBNull(14) ? null : reader.GetString(14),
                    tables,
                    reader.IsDBNull(17) ? null : reader.GetInt64(17),
                    reader.IsDBNull(18) ? null : reader.GetFieldValue<DateTimeOffset>(18),
                    reader.IsDBNull(19) ? null : reader.GetString(19),
                    warnings
                )
                {
                    ExpectedVersion = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    FileList = [.. files.Select(f => new PlannedFile(f.Path, f.Bytes))],
                    ExportDirectory = reader.IsDBNull(15) ? null : reader.GetString(15),
                    Host = reader.GetString(21),
                }
            );
        }

        return records;
    }

    private sealed record FileEntry(string Path, long Bytes);
}
