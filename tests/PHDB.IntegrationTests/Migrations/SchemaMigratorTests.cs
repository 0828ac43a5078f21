using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PHDB.Migrations;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Migrations;

public sealed class SchemaMigratorTests(PostgresServer postgres)
{
    private readonly SchemaMigrator migrator = new(NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task Creates_a_missing_database_and_applies_every_script()
    {
        var probe = await postgres.CreateDatabaseAsync("migrate", TestContext.Current.CancellationToken);
        var missing = new NpgsqlConnectionStringBuilder(probe)
        {
            Database = "phdb_" + Guid.NewGuid().ToString("N"),
        }.ConnectionString;

        var applied = await migrator.MigrateAsync(missing, TestContext.Current.CancellationToken);

        Assert.Equal(SchemaMigrator.ScriptNames, applied.Order(StringComparer.Ordinal));
        Assert.NotEmpty(applied);
        Assert.Equal(applied.Count, await CountJournalRowsAsync(missing));
    }

    [Fact]
    public async Task A_second_run_applies_nothing()
    {
        var database = await postgres.CreateDatabaseAsync("rerun", TestContext.Current.CancellationToken);
        await migrator.MigrateAsync(database, TestContext.Current.CancellationToken);

        var second = await migrator.MigrateAsync(database, TestContext.Current.CancellationToken);

        Assert.Empty(second);
        Assert.Equal(SchemaMigrator.ScriptNames.Count, await CountJournalRowsAsync(database));
    }

    [Fact]
    public async Task Concurrent_migrators_apply_each_script_once()
    {
        var database = await postgres.CreateDatabaseAsync("concurrent", TestContext.Current.CancellationToken);

        var runs = await Task.WhenAll(
            Enumerable.Range(0, 3).Select(_ => migrator.MigrateAsync(database, TestContext.Current.CancellationToken))
        );

        Assert.Equal(SchemaMigrator.ScriptNames.Count, runs.Sum(r => r.Count));
        Assert.Equal(SchemaMigrator.ScriptNames.Count, await CountJournalRowsAsync(database));
    }

    [Fact]
    public async Task An_unreachable_server_fails_with_a_message_that_names_it_but_not_the_password()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(postgres.ConnectionString("nowhere"))
        {
            Port = 1,
            Timeout = 2,
            Password = "s3cret-never-shown",
        }.ConnectionString;

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() =>
            migrator.MigrateAsync(unreachable, TestContext.Current.CancellationToken)
        );

        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-never-shown", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<long> CountJournalRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"SELECT count(*) FROM public.{SchemaMigrator.JournalTable}",
            connection
        );
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
