using Npgsql;
using PHDB.Testing;

namespace PHDB.Cli.Tests.Export;

/// <summary>
/// A migrated database filled in bulk with generated rows (20,000 posts, 1.5 million votes, 60,000 comments): large
/// enough that an export takes seconds, so it can be killed half-way.
/// </summary>
public sealed class BulkDatabase(PostgresServer postgres) : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateMigratedDatabaseAsync("cli_export");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var fill = new NpgsqlCommand(
            """
            INSERT INTO users (id, name, username)
                SELECT u, 'User ' || u, 'user' || u FROM generate_series(1, 1000) u;
            INSERT INTO topics (id, name, slug) SELECT t, 'Topic ' || t, 'topic-' || t FROM generate_series(1, 50) t;
            INSERT INTO posts (id, name, slug, tagline, votes_count, comments_count, reviews_count, created_at,
                    hunter_id, observed_at)
                SELECT p, 'Post ' || p, 'post-' || p, 'A tagline, with "quotes"', 75, 3, 0,
                    timestamptz '2020-01-01' + p * interval '37 minutes', 1 + p % 1000, now()
                FROM generate_series(1, 20000) p;
            INSERT INTO post_topics (post_id, topic_id) SELECT p, 1 + p % 50 FROM generate_series(1, 20000) p;
            INSERT INTO comments (id, post_id, body, created_at, votes_count, author_redacted, observed_at)
                SELECT c, 1 + c % 20000, 'Comment ' || c, timestamptz '2020-01-01' + c * interval '13 minutes', 0, true,
                    now()
                FROM generate_series(1, 60000) c;
            INSERT INTO votes (id, post_id, created_at, voter_redacted)
                SELECT v, 1 + v % 20000, timestamptz '2020-01-01' + v * interval '30 seconds', true
                FROM generate_series(1, 1500000) v;
            ANALYZE;
            """,
            connection
        )
        {
            CommandTimeout = 600,
        };
        await fill.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
