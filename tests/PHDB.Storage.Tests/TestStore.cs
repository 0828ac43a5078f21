using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PHDB.Domain;
using PHDB.Testing;

namespace PHDB.Storage.Tests;

/// <summary>A fresh migrated database with the storage components on it.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    public static readonly string[] HarvestTables =
    [
        "users",
        "topics",
        "posts",
        "post_topics",
        "post_makers",
        "post_media",
        "post_product_links",
        "post_snapshots",
        "comments",
        "votes",
        "collections",
        "collection_posts",
        "collection_topics",
    ];

    private TestStore(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Writer = new HarvestBatchWriter(DataSource, NullLogger<HarvestBatchWriter>.Instance, Time);
        Reader = new HarvestReader(DataSource);
        Bookkeeping = new HarvestBookkeeping(DataSource, Time);
    }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public NpgsqlDataSource DataSource { get; }

    public HarvestBatchWriter Writer { get; }

    public HarvestReader Reader { get; }

    public HarvestBookkeeping Bookkeeping { get; }

    public static async Task<TestStore> CreateAsync(PostgresServer postgres, string purpose) =>
        new(await postgres.CreateMigratedDatabaseAsync(purpose, TestContext.Current.CancellationToken));

    public Task<HarvestWriteResult> WriteAsync(HarvestBatch batch) =>
        Writer.WriteAsync(batch, TestContext.Current.CancellationToken);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public Task<long> CountAsync(string table, string where = "true") =>
        ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE {where}");

    /// <summary>Every harvest table's rows, in a canonical order, as text.</summary>
    public async Task<string> DumpAsync()
    {
        var parts = new List<string>();
        foreach (var table in HarvestTables)
        {
            parts.Add(
                table
                    + ": "
                    + await ScalarAsync<string>($"SELECT coalesce(json_agg(t ORDER BY t)::text, '[]') FROM {table} t")
            );
        }

        return string.Join('\n', parts);
    }

    public async Task TruncateAsync()
    {
        await using var command = DataSource.CreateCommand($"TRUNCATE {string.Join(", ", HarvestTables)}");
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
