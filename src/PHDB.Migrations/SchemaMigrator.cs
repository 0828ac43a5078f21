using System.Diagnostics;
using DbUp;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PHDB.Migrations;

/// <summary>
/// Brings a PHDB database to the current schema: creates the database if it is missing, then applies the
/// embedded scripts (<c>Scripts/NNNN_name.sql</c>) that its journal has not seen, each in its own transaction.
/// Concurrent migrators of the same database wait for each other on an advisory lock.
/// </summary>
public sealed partial class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    /// <summary>Table (in schema <c>public</c>) where applied scripts are recorded.</summary>
    public const string JournalTable = "schema_versions";

    /// <summary>Activity source of migration runs.</summary>
    public static readonly ActivitySource ActivitySource = new("PHDB.Migrations");

    private const long AdvisoryLockKey = 0x5048_4442_4D49_4752; // "PHDBMIGR"

    /// <summary>Names of the scripts this build carries, in the order they apply.</summary>
    public static IReadOnlyList<string> ScriptNames =>
        typeof(SchemaMigrator)
            .Assembly.GetManifestResourceNames()
            .Where(IsScript)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Creates the database if needed and applies every pending script.</summary>
    /// <returns>The scripts applied by this call (empty when the schema was current).</returns>
    /// <exception cref="SchemaMigrationException">A script failed; the database keeps every script before it.</exception>
    public async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("migrate");
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database))
        {
            throw new SchemaMigrationException("The connection string names no database (Database=...).");
        }

        try
        {
            return await MigrateAsync(target, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or SchemaMigrationException)
        {
            LogMigrationFailed(logger, target.Database, target.Host, target.Port, e);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw e as SchemaMigrationException
                ?? new SchemaMigrationException(
                    $"Cannot migrate database '{target.Database}' on {target.Host}:{target.Port}: {e.Message}",
                    e
                );
        }
    }

    /// <summary>Reads which scripts the database has applied and which are pending, changing nothing.</summary>
    public static async Task<SchemaStatus> GetStatusAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database))
        {
            throw new SchemaMigrationException("The connection string names no database (Database=...).");
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            var applied = new List<AppliedScript>();
            await using (
                var journal = new NpgsqlCommand($"SELECT to_regclass('public.{JournalTable}') IS NOT NULL", connection)
            )
            {
                if (await journal.ExecuteScalarAsync(cancellationToken) is true)
                {
                    await using var read = new NpgsqlCommand(
                        $"SELECT scriptname, applied FROM public.{JournalTable} ORDER BY schemaversionsid",
                        connection
                    );
                    await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        applied.Add(
                            new AppliedScript(
                                reader.GetString(0),
                                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc))
                            )
                        );
                    }
                }
            }

            var seen = applied.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            return new SchemaStatus(true, applied, [.. ScriptNames.Where(n => !seen.Contains(n))]);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return new SchemaStatus(false, [], ScriptNames);
        }
    }

    private async Task<IReadOnlyList<string>> MigrateAsync(
        NpgsqlConnectionStringBuilder target,
        CancellationToken cancellationToken
    )
    {
        var connectionString = target.ConnectionString;
        await EnsureDatabaseAsync(target, cancellationToken);

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", lockConnection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var upgrader = DeployChanges
                .To.PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, IsScript)
                .WithTransactionPerScript()
                .JournalToPostgresqlTable("public", JournalTable)
                .LogTo(new DbUpLog(logger))
                .Build();

            var result = await Task.Run(upgrader.PerformUpgrade, cancellationToken);
            var applied = result.Scripts.Select(s => s.Name).ToList();
            if (!result.Successful)
            {
                throw new SchemaMigrationException(
                    $"Migration script '{result.ErrorScript?.Name}' failed: {result.Error?.Message}",
                    result.Error
                );
            }

            LogSchemaCurrent(logger, target.Database!, applied.Count);
            Activity.Current?.SetTag("phdb.migrations.applied", applied.Count);
            return applied;
        }
        finally
        {
            await using var release = new NpgsqlCommand(
                $"SELECT pg_advisory_unlock({AdvisoryLockKey})",
                lockConnection
            );
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task EnsureDatabaseAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString)
        {
            Database = "postgres",
            Pooling = false,
        };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var quoted = "\"" + target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted} ENCODING 'UTF8'", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            LogDatabaseCreated(logger, target.Database);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another migrator created it first.
        }
    }

    private static bool IsScript(string resourceName) =>
        resourceName.StartsWith("PHDB.Migrations.Scripts.", StringComparison.Ordinal)
        && resourceName.EndsWith(".sql", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Migration of database {Database} on {Host}:{Port} failed")]
    private static partial void LogMigrationFailed(
        ILogger logger,
        string database,
        string? host,
        int port,
        Exception exception
    );

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    private static partial void LogDatabaseCreated(ILogger logger, string database);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Database {Database} is at the current schema ({Applied} scripts applied now)"
    )]
    private static partial void LogSchemaCurrent(ILogger logger, string database, int applied);
}
