using Npgsql;

namespace PHDB.Admin.EndToEndTests;

/// <summary>What the tests look up in (or plant into) the harvested database.</summary>
public static class ConsoleDatabase
{
    /// <summary>Markup that must never run in the console; the stored text must show as text.</summary>
    public const string HostilePattern = "<script|onerror=|javascript:";

    /// <summary>A planted description: a script, an image with an error handler, a script link.</summary>
    public const string PlantedDescription =
        "Planted to check escaping: <script>window.__phdbXss = 'script'; alert('phdb script')</script> "
        + "<img src=x onerror=\"window.__phdbXss = 'img'; alert('phdb img')\"> "
        + "<a href=\"javascript:alert('phdb link')\">click me</a>";

    /// <summary>A planted comment body.</summary>
    public const string PlantedComment =
        "Planted comment <img src=x onerror=alert('phdb comment')> and "
        + "<a href=\"javascript:alert('phdb comment link')\">a link</a> <script>alert('phdb comment script')</script>";

    /// <summary>
    /// A post with a plain name, stored comments and votes, for the post page: one with at least two snapshots
    /// (so it has a votes chart) if there is one, most voted first.
    /// </summary>
    public static async Task<PostReference> PostWithCommentsAndVotesAsync(string database)
    {
        const string sql = """
            SELECT p.id, p.name, (SELECT count(*) FROM post_snapshots s WHERE s.post_id = p.id) AS snapshots
            FROM posts p
            WHERE p.name ~ '^[A-Za-z][A-Za-z0-9 ]{2,}$' AND p.votes_count > 0
              AND EXISTS (SELECT 1 FROM comments c WHERE c.post_id = p.id AND c.body IS NOT NULL)
            ORDER BY least(3, (SELECT count(*) FROM post_snapshots s WHERE s.post_id = p.id)) DESC, p.votes_count DESC, p.id
            LIMIT 1
            """;
        return await SingleAsync(database, sql)
            ?? throw new InvalidOperationException("The database has no post with a plain name, comments and votes.");
    }

    /// <summary>A post whose description or one of whose comments holds <see cref="HostilePattern"/> markup.</summary>
    public static Task<PostReference?> HostilePostAsync(string database) =>
        SingleAsync(
            database,
            """
            SELECT p.id, p.name
            FROM posts p
            WHERE p.name ~ '^[A-Za-z][A-Za-z0-9 ]{2,}$'
              AND (p.description ~* @pattern
                   OR EXISTS (SELECT 1 FROM comments c WHERE c.post_id = p.id AND c.body ~* @pattern))
            ORDER BY p.id
            LIMIT 1
            """,
            ("pattern", HostilePattern)
        );

    /// <summary>
    /// Plants <see cref="PlantedDescription"/> and <see cref="PlantedComment"/> into an old post with a few comments
    /// (one no incremental run re-reads), other than <paramref name="excluding"/>, and returns it.
    /// </summary>
    public static async Task<PostReference> PlantHostileTextAsync(string database, long excluding)
    {
        var post =
            await SingleAsync(
                database,
                """
                SELECT p.id, p.name
                FROM posts p
                WHERE p.id <> @excluding AND p.name ~ '^[A-Za-z][A-Za-z0-9 ]{2,}$'
                  AND (SELECT count(*) FROM comments c WHERE c.post_id = p.id AND c.body IS NOT NULL) BETWEEN 1 AND 10
                ORDER BY p.created_at, p.id
                LIMIT 1
                """,
                ("excluding", excluding)
            ) ?? throw new InvalidOperationException("The database has no old post with a few comments.");

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand(
            """
            UPDATE posts SET description = @description WHERE id = @id;
            UPDATE comments SET body = @comment WHERE post_id = @id AND body IS NOT NULL;
            """,
            connection
        );
        update.Parameters.AddWithValue("id", post.Id);
        update.Parameters.AddWithValue("description", PlantedDescription);
        update.Parameters.AddWithValue("comment", PlantedComment);
        await update.ExecuteNonQueryAsync();
        return post;
    }

    /// <summary>Whether any post is stored.</summary>
    public static async Task<bool> HasPostsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var any = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM posts WHERE name IS NOT NULL)",
            connection
        );
        return (bool)(await any.ExecuteScalarAsync())!;
    }

    /// <summary>How long the last completed full run took, from the harvest bookkeeping.</summary>
    public static async Task<TimeSpan?> LastFullRunDurationAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var duration = new NpgsqlCommand(
            """
            SELECT extract(epoch FROM finished_at - started_at)::double precision
            FROM harvest_runs
            WHERE mode = 'full' AND outcome = 'succeeded'
            ORDER BY id DESC
            LIMIT 1
            """,
            connection
        );
        return await duration.ExecuteScalarAsync() is double seconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static async Task<PostReference?> SingleAsync(
        string database,
        string sql,
        params (string Name, object Value)[] parameters
    )
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new PostReference(reader.GetInt64(0), reader.GetString(1), reader.FieldCount > 2 ? reader.GetInt64(2) : 0)
            : null;
    }
}
