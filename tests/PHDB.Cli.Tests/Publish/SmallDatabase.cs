using Npgsql;
using PHDB.Testing;

namespace PHDB.Cli.Tests.Publish;

/// <summary>A migrated database with a few generated rows and one succeeded harvest run: quick to export and publish.</summary>
public sealed class SmallDatabase(PostgresServer postgres) : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateMigratedDatabaseAsync("cli_publish");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var fill = new NpgsqlCommand(
            """
            INSERT INTO users (id, name, username)
                SELECT u, 'User ' || u, 'user' || u FROM generate_series(1, 20) u;
            INSERT INTO topics (id, name, slug) SELECT t, 'Topic ' || t, 'topic-' || t FROM generate_series(1, 5) t;
            INSERT INTO posts (id, name, slug, tagline, votes_count, comments_count, reviews_count, created_at,
                    hunter_id, observed_at)
                SELECT p, 'Post ' || p, 'post-' || p, 'A tagline', 10, 1, 0,
                    timestamptz '2024-01-01' + p * interval '5 hours', 1 + p % 20, now()
                FROM generate_series(1, 100) p;
            INSERT INTO post_topics (post_id, topic_id) SELECT p, 1 + p % 5 FROM generate_series(1, 100) p;
            INSERT INTO votes (id, post_id, created_at, voter_redacted)
                SELECT v, 1 + v % 100, timestamptz '2024-01-01' + v * interval '10 minutes', true
                FROM generate_series(1, 1000) v;
            INSERT INTO harvest_runs (started_at, finished_at, mode, outcome)
                VALUES (now() - interval '1 hour', now(), 'full', 'succeeded');
            """,
            connection
        );
        await fill.ExecuteNonQueryAsync();
    }

    /// <summary>Adds <paramref name="count"/> votes after the ones there, and a succeeded incremental run.</summary>
    public async Task AddVotesAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var add = new NpgsqlCommand(
            """
            INSERT INTO votes (id, post_id, created_at, voter_redacted)
                SELECT m + v, 1 + v % 100, now() - v * interval '1 minute', true
                FROM generate_series(1, @count) v, (SELECT max(id) AS m FROM votes) last;
            INSERT INTO harvest_runs (started_at, finished_at, mode, outcome)
                VALUES (now() - interval '5 minutes', now(), 'incremental', 'succeeded');
            """,
            connection
        );
        add.Parameters.AddWithValue("count", count);
        await add.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
