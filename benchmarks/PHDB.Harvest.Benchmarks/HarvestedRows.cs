using Npgsql;

namespace PHDB.Harvest.Benchmarks;

/// <summary>Counts of what a harvest stored, placeholders excluded.</summary>
internal static class HarvestedRows
{
    private static readonly (string Table, string Filter)[] Tables =
    [
        ("posts", "name IS NOT NULL"),
        ("comments", "body IS NOT NULL"),
        ("votes", "true"),
        ("topics", "name IS NOT NULL"),
        ("collections", "name IS NOT NULL"),
        ("post_topics", "true"),
        ("collection_posts", "true"),
    ];

    public static async Task<long> PostsAsync(NpgsqlDataSource data) =>
        (long)(await data.CreateCommand("SELECT count(*) FROM posts WHERE name IS NOT NULL").ExecuteScalarAsync())!;

    public static async Task<IReadOnlyDictionary<string, long>> AllAsync(NpgsqlDataSource data)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, filter) in Tables)
        {
            await using var command = data.CreateCommand($"SELECT count(*) FROM {table} WHERE {filter}");
            rows[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return rows;
    }
}
