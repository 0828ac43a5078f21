using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PHDB.Migrations;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Migrations;

/// <summary>The application role the hosts connect as: rows yes, schema no, and a password the server never saw.</summary>
public sealed class ApplicationRoleTests(PostgresServer postgres)
{
    private readonly ApplicationRole role = new(NullLogger<ApplicationRole>.Instance);

    [Fact]
    public async Task Reads_and_writes_rows_but_cannot_change_the_schema_or_the_journal()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var owner = await postgres.CreateMigratedDatabaseAsync("app_role", cancellation);
        var application = await PostgresServer.ApplicationConnectionAsync(owner, cancellation);

        await using var connection = new NpgsqlConnection(application);
        await connection.OpenAsync(cancellation);
        Assert.Equal(
            false,
            await ScalarAsync(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        );
        await ExecuteAsync(
            connection,
            "INSERT INTO orleans_grain_state "
                + "(service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1, version) "
                + "VALUES ('probe', 1, 'probe', 1, 1, 1, 1)"
        );
        await ExecuteAsync(connection, "UPDATE orleans_grain_state SET version = 2 WHERE service_id = 'probe'");
        await ExecuteAsync(connection, "DELETE FROM orleans_grain_state WHERE service_id = 'probe'");
        Assert.NotNull(await ScalarAsync(connection, $"SELECT count(*) FROM {SchemaMigrator.JournalTable}"));

        foreach (
            var statement in new[]
            {
                "CREATE TABLE intruder (id int)",
                "DROP TABLE posts",
                "ALTER TABLE posts ADD COLUMN intruder int",
                "TRUNCATE posts",
                $"DELETE FROM {SchemaMigrator.JournalTable}",
                "CREATE ROLE intruder",
            }
        )
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, statement));
            Assert.True(
                refused.SqlState == PostgresErrorCodes.InsufficientPrivilege,
                $"{statement}: {refused.SqlState} {refused.MessageText}"
            );
        }
    }

    /// <remarks>
    /// The role belongs to the server, shared by every test on it: this test sets the password they all use
    /// (<see cref="PostgresServer.ApplicationPassword"/>), never another one.
    /// </remarks>
    [Fact]
    public async Task The_password_is_set_as_a_verifier_the_server_accepts_and_a_wrong_one_is_refused()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var owner = await postgres.CreateMigratedDatabaseAsync("app_role_login", cancellation);
        await role.AllowLoginAsync(owner, PostgresServer.ApplicationPassword, cancellation);

        await using var right = new NpgsqlConnection(As(owner, PostgresServer.ApplicationPassword));
        await right.OpenAsync(cancellation);
        await using var wrong = new NpgsqlConnection(As(owner, "not-" + PostgresServer.ApplicationPassword));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => wrong.OpenAsync(cancellation));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);

        await using var read = new NpgsqlConnection(owner);
        await read.OpenAsync(cancellation);
        var stored = (string?)
            await ScalarAsync(read, $"SELECT rolpassword FROM pg_authid WHERE rolname = '{ApplicationRole.Name}'");
        Assert.StartsWith("SCRAM-SHA-256$4096:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.ApplicationPassword, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrators_of_two_databases_on_one_server_share_the_role()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var migrator = new SchemaMigrator(NullLogger<SchemaMigrator>.Instance);
        var databases = await Task.WhenAll(
            postgres.CreateDatabaseAsync("app_role_a", cancellation),
            postgres.CreateDatabaseAsync("app_role_b", cancellation)
        );

        await Task.WhenAll(databases.Select(d => migrator.MigrateAsync(d, cancellation)));

        foreach (var database in databases)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync(cancellation);
            Assert.Equal(
                true,
                await ScalarAsync(
                    connection,
                    $"SELECT has_table_privilege('{ApplicationRole.Name}', 'posts', 'INSERT')"
                )
            );
        }
    }

    private static string As(string owner, string password) =>
        new NpgsqlConnectionStringBuilder(owner)
        {
            Username = ApplicationRole.Name,
            Password = password,
            Pooling = false,
        }.ConnectionString;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
