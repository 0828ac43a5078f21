using Npgsql;
using PHDB.Domain;

namespace PHDB.Testing.Truth;

/// <summary>
/// Reads the compared sets from the harvest tables (migration 0004) with plain SQL, independent of PHDB.Storage's
/// readers. Placeholders (<c>name IS NULL</c>; <c>body IS NULL</c> for comments) become <see langword="null"/> rows.
/// A user relation is read as storage keeps it: the id, or the <c>…_redacted</c> flag.
/// </summary>
internal static class DatabaseSets
{
    public static async Task<ComparedSets> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        var sets = new ComparedSets();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // One snapshot for every table, so a concurrent writer cannot make the sets disagree with each other.
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead,
            cancellationToken
        );

        async Task Read(string sql, Action<NpgsqlDataReader> row)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                row(reader);
            }
        }

        await Read(
            "SELECT id, name, slug, tagline, votes_count, comments_count, reviews_count, reviews_rating, created_at, "
                + "featured_at, hunter_id, hunter_redacted, redacted_makers FROM posts",
            r =>
            {
                var id = r.GetInt64(0);
                if (r.IsDBNull(1))
                {
                    sets.Posts[id] = null;
                    return;
                }

                sets.Posts[id] = new PostRow(
                    r.GetString(1),
                    Value<string>(r, 2),
                    Value<string>(r, 3),
                    Struct<int>(r, 4),
                    Struct<int>(r, 5),
                    Struct<int>(r, 6),
                    Struct<double>(r, 7),
                    Struct<DateTimeOffset>(r, 8),
                    Struct<DateTimeOffset>(r, 9),
                    Party.Stored(Struct<long>(r, 10), r.GetBoolean(11))
                );
                if (r.GetInt32(12) is var redactedMakers and not 0)
                {
                    sets.PostMakers[(id, 0)] = new LinkRow(redactedMakers);
                }
            }
        );

        await Read(
            "SELECT id, name, username, created_at, is_maker FROM users",
            r =>
                sets.Users[r.GetInt64(0)] = r.IsDBNull(1)
                    ? null
                    : new UserRow(Value<string>(r, 2), r.GetString(1), Struct<DateTimeOffset>(r, 3), Struct<bool>(r, 4))
        );

        await Read(
            "SELECT id, name, slug, created_at, followers_count, posts_count FROM topics",
            r =>
                sets.Topics[r.GetInt64(0)] = r.IsDBNull(1)
                    ? null
                    : new TopicRow(
                        r.GetString(1),
                        Value<string>(r, 2),
                        Struct<DateTimeOffset>(r, 3),
                        Struct<int>(r, 4),
                        Struct<int>(r, 5)
                    )
        );

        await Read(
            "SELECT id, name, created_at, featured_at, followers_count, curator_id, curator_redacted FROM collections",
            r =>
                sets.Collections[r.GetInt64(0)] = r.IsDBNull(1)
                    ? null
                    : new CollectionRow(
                        r.GetString(1),
                        Struct<DateTimeOffset>(r, 2),
                        Struct<DateTimeOffset>(r, 3),
                        Struct<int>(r, 4),
                        Party.Stored(Struct<long>(r, 5), r.GetBoolean(6))
                    )
        );

        await Read(
            "SELECT id, body IS NULL, post_id, parent_id, created_at, votes_count, author_id, author_redacted "
                + "FROM comments",
            r =>
                sets.Comments[r.GetInt64(0)] = r.GetBoolean(1)
                    ? null
                    : new CommentRow(
                        Struct<long>(r, 2),
                        Struct<long>(r, 3),
                        Struct<DateTimeOffset>(r, 4),
                        Struct<int>(r, 5),
                        Party.Stored(Struct<long>(r, 6), r.GetBoolean(7))
                    )
        );

        await Read(
            "SELECT id, post_id, comment_id, created_at, voter_id, voter_redacted FROM votes",
            r =>
                sets.Votes[r.GetInt64(0)] = new VoteRow(
                    (Struct<long>(r, 1), Struct<long>(r, 2)) switch
                    {
                        ({ } post, null) => TruthExpectation.Subject(VoteSubject.Post, post),
                        (null, { } comment) => TruthExpectation.Subject(VoteSubject.Comment, comment),
                        _ => Party.None,
                    },
                    r.GetFieldValue<DateTimeOffset>(3),
                    Party.Stored(Struct<long>(r, 4), r.GetBoolean(5))
                )
        );

        await Read(
            "SELECT post_id, topic_id FROM post_topics",
            r => sets.PostTopics[(r.GetInt64(0), r.GetInt64(1))] = LinkRow.Plain
        );
        await Read(
            "SELECT post_id, user_id FROM post_makers",
            r => sets.PostMakers[(r.GetInt64(0), r.GetInt64(1))] = LinkRow.Plain
        );
        await Read(
            "SELECT collection_id, post_id FROM collection_posts",
            r => sets.CollectionPosts[(r.GetInt64(0), r.GetInt64(1))] = LinkRow.Plain
        );

        await transaction.CommitAsync(cancellationToken);
        return sets;
    }

    private static T? Value<T>(NpgsqlDataReader reader, int ordinal)
        where T : class => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static T? Struct<T>(NpgsqlDataReader reader, int ordinal)
        where T : struct => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
