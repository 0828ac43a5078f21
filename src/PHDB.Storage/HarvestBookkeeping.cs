using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace PHDB.Storage;

/// <summary>Harvest runs (start, finish, list) and data-quality findings (record, list).</summary>
public sealed class HarvestBookkeeping
{
    private const string RunColumns = "id, started_at, finished_at, mode, outcome, counts::text, error";
    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the bookkeeping on <paramref name="dataSource"/>; times come from <paramref name="timeProvider"/>.</summary>
    public HarvestBookkeeping(NpgsqlDataSource dataSource, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Records the start of a run.</summary>
    /// <param name="mode">What the run does (e.g. <c>backfill</c>, <c>incremental</c>).</param>
    /// <returns>The run's id.</returns>
    public async Task<long> StartRunAsync(string mode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mode);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO harvest_runs (started_at, mode) VALUES ($1, $2) RETURNING id"
        );
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mode });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Marks every run still recorded as running, other than <paramref name="currentRunId"/>, as failed: runs whose
    /// starter died before it could record it as its own (there is one coordinator, so one run at a time).
    /// </summary>
    /// <returns>Runs closed.</returns>
    public async Task<int> CloseAbandonedRunsAsync(long currentRunId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE harvest_runs SET finished_at = $2, outcome = 'failed',
                error = 'abandoned: the coordinator went on with run ' || $1::bigint
            WHERE outcome = 'running' AND id <> $1
            """
        );
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = currentRunId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records the end of a run with its counts and, for a failure, the error.</summary>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is <see cref="HarvestOutcome.Running"/>.</exception>
    /// <exception cref="InvalidOperationException">No such run.</exception>
    public async Task FinishRunAsync(
        long runId,
        HarvestOutcome outcome,
        IReadOnlyDictionary<string, long> counts,
        string? error,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (outcome == HarvestOutcome.Running)
        {
            throw new ArgumentException("A finished run needs a final outcome.", nameof(outcome));
        }

        await using var command = dataSource.CreateCommand(
            "UPDATE harvest_runs SET finished_at = $2, outcome = $3, counts = $4::jsonb, error = $5 WHERE id = $1"
        );
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = runId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ToText(outcome) });
        command.Parameters.Add(
            new NpgsqlParameter<string>
            {
                TypedValue = JsonSerializer.Serialize(counts.ToDictionary(c => c.Key, c => c.Value)),
            }
        );
        command.Parameters.Add(
            new NpgsqlParameter { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }
        );
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException($"There is no harvest run {runId}.");
        }
    }

    /// <summary>The latest runs, newest first.</summary>
    public async Task<IReadOnlyList<HarvestRun>> GetRunsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadRunsAsync(connection, limit, cancellationToken);
    }

    /// <summary>
    /// Records findings. A finding already recorded for the same entity and check is updated in place (detail,
    /// run), so recording it again adds nothing.
    /// </summary>
    /// <returns>Findings inserted or changed.</returns>
    public async Task<int> RecordFindingsAsync(
        IReadOnlyList<NewQualityFinding> findings,
        long? runId,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            return 0;
        }

        var unique = findings.GroupBy(f => (f.Entity, f.EntityId, f.Check)).Select(g => g.Last()).ToArray();
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO quality_findings AS f (entity, entity_id, check_name, detail, found_at, run_id)
            SELECT s.entity, s.entity_id, s.check_name, s.detail, $5, $6
            FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) AS s(entity, entity_id, check_name, detail)
            ON CONFLICT (entity, entity_id, check_name) DO UPDATE
                SET detail = EXCLUDED.detail, run_id = coalesce(EXCLUDED.run_id, f.run_id)
                WHERE (f.detail, f.run_id) IS DISTINCT FROM (EXCLUDED.detail, coalesce(EXCLUDED.run_id, f.run_id))
            """
        );
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. unique.Select(f => f.Entity)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. unique.Select(f => f.EntityId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. unique.Select(f => f.Check)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. unique.Select(f => f.Detail)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = runId, NpgsqlDbType = NpgsqlDbType.Bigint });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest findings, newest first, optionally of one check only.</summary>
    public async Task<IReadOnlyList<QualityFinding>> GetFindingsAsync(
        string? check,
        int limit,
        CancellationToken cancellationToken
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, entity, entity_id, check_name, detail, found_at, run_id FROM quality_findings
            WHERE $1::text IS NULL OR check_name = $1
            ORDER BY found_at DESC, id DESC
            LIMIT $2
            """
        );
        command.Parameters.Add(
            new NpgsqlParameter { Value = (object?)check ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }
        );
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var findings = new List<QualityFinding>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            findings.Add(
                new QualityFinding(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetInt64(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : reader.GetInt64(6)
                )
            );
        }

        return findings;
    }

    /// <summary>Findings per check, most findings first (ties by check name).</summary>
    public async Task<IReadOnlyList<QualityCheckCount>> GetFindingCountsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT check_name, count(*), max(found_at) FROM quality_findings
            GROUP BY check_name
            ORDER BY count(*) DESC, check_name
            """
        );
        var counts = new List<QualityCheckCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(
                new QualityCheckCount(reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2))
            );
        }

        return counts;
    }

    internal static async Task<IReadOnlyList<HarvestRun>> ReadRunsAsync(
        NpgsqlConnection connection,
        int limit,
        CancellationToken cancellationToken
    )
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {RunColumns} FROM harvest_runs ORDER BY started_at DESC, id DESC LIMIT $1",
            connection
        );
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var runs = new List<HarvestRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(
                new HarvestRun(
                    reader.GetInt64(0),
                    reader.GetFieldValue<DateTimeOffset>(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                    reader.GetString(3),
                    FromText(reader.GetString(4)),
                    JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(5)) ?? [],
                    reader.IsDBNull(6) ? null : reader.GetString(6)
                )
            );
        }

        return runs;
    }

    private static string ToText(HarvestOutcome outcome) =>
        outcome switch
        {
            HarvestOutcome.Running => "running",
            HarvestOutcome.Succeeded => "succeeded",
            HarvestOutcome.Failed => "failed",
            HarvestOutcome.Cancelled => "cancelled",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
        };

    private static HarvestOutcome FromText(string text) =>
        text switch
        {
            "succeeded" => HarvestOutcome.Succeeded,
            "failed" => HarvestOutcome.Failed,
            "cancelled" => HarvestOutcome.Cancelled,
            _ => HarvestOutcome.Running,
        };
}
