using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Npgsql;

namespace PHDB.Storage;

/// <summary>
/// Typed queries over the stored dataset for the admin console and the CLI. Placeholders (rows known only by
/// id) never appear as entities.
/// </summary>
public sealed class HarvestReader
{
    /// <summary>Time zone of Product Hunt's launch days.</summary>
    public const string ProductHuntTimeZone = "America/Los_Angeles";

    /// <summary>The text-search expression the <c>ix_posts_search</c> index is built on.</summary>
    internal const string SearchVector =
        "to_tsvector('english'::regconfig, coalesce(p.name, '') || ' ' || coalesce(p.tagline, ''))";

    private const string SummaryColumns =
        "p.id, p.name, p.slug, p.tagline, p.votes_count, p.comments_count, p.created_at, p.featured_at, p.thumbnail_url";

    private static readonly string[] CountedTables =
    [
        "users",
        "topics",
        "posts",
        "comments",
        "votes",
        "collections",
        "post_topics",
        "post_makers",
        "post_media",
        "post_product_links",
        "post_snapshots",
        "collection_posts",
        "collection_topics",
        "harvest_runs",
        "quality_findings",
    ];

    private static readonly string[] EntityTables = ["users", "topics", "posts", "comments", "collections"];

    private readonly NpgsqlDataSource dataSource;

    /// <summary>Creates a reader on <paramref name="dataSource"/>.</summary>
    public HarvestReader(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    /// <summary>Rows per table, placeholders waiting, oldest and newest post, the last harvest run.</summary>
    public async Task<DatasetStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.ActivitySource.StartActivity("read statistics");
        var counts = string.Join(
            ",\n",
            CountedTables.Select(t => $"(SELECT count(*) FROM {t}{(IsEntity(t) ? $" WHERE {Real(t)}" : "")})")
        );
        var placeholders = string.Join(
            " + ",
            EntityTables.Select(t => $"(SELECT count(*) FROM {t} WHERE NOT ({Real(t)}))")
        );
        var sql = $"""
            SELECT {counts},
                {placeholders},
                (SELECT min(created_at) FROM posts),
                (SELECT max(created_at) FROM posts)
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        long placeholderCount;
        DateTimeOffset? oldest,
            newest;
        await using (var command = new NpgsqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            for (var i = 0; i < CountedTables.Length; i++)
            {
                rows[CountedTables[i]] = reader.GetInt64(i);
            }

            placeholderCount = reader.GetInt64(CountedTables.Length);
            oldest = reader.IsDBNull(CountedTables.Length + 1)
                ? null
                : reader.GetFieldValue<DateTimeOffset>(CountedTables.Length + 1);
            newest = reader.IsDBNull(CountedTables.Length + 2)
                ? null
                : reader.GetFieldValue<DateTimeOffset>(CountedTables.Length + 2);
        }

        var runs = await HarvestBookkeeping.ReadRunsAsync(connection, 1, cancellationToken);
        var lastRun = runs.Count > 0 ? runs[0] : null;
        return new DatasetStatistics(rows, placeholderCount, oldest, newest, lastRun);

        static bool IsEntity(string table) => table is "users" or "topics" or "posts" or "comments" or "collections";
        static string Real(string table) => table == "comments" ? "body IS NOT NULL" : "name IS NOT NULL";
    }

    /// <summary>One page of posts matching <paramref name="query"/>, with keyset pagination.</summary>
    /// <exception cref="ArgumentException">The cursor is malformed or belongs to another sort order.</exception>
    public async Task<PostPage> BrowsePostsAsync(PostQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, 500);
        using var activity = StorageTelemetry.ActivitySource.StartActivity("browse posts");

        var where = new List<string> { "p.name IS NOT NULL" };
        await using var command = new NpgsqlCommand();
        void Add(string predicate, object value)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            where.Add(predicate.Replace("{p}", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }

        if (query.From is { } from)
        {
            Add($"p.created_at >= ({{p}}::date::timestamp AT TIME ZONE '{ProductHuntTimeZone}')", from);
        }

        if (query.To is { } to)
        {
            Add($"p.created_at < ({{p}}::date::timestamp AT TIME ZONE '{ProductHuntTimeZone}')", to.AddDays(1));
        }

        if (query.FeaturedOnly)
        {
            where.Add("p.featured_at IS NOT NULL");
        }

        if (!string.IsNullOrWhiteSpace(query.TopicSlug))
        {
            Add(
                "p.id IN (SELECT pt.post_id FROM post_topics pt JOIN topics t ON t.id = pt.topic_id WHERE t.slug = {p}::text)",
                query.TopicSlug
            );
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            Add($"{SearchVector} @@ websearch_to_tsquery('english'::regconfig, {{p}}::text)", query.Text);
        }

        var key = query.Sort == PostSort.Votes ? "p.votes_count" : "p.created_at";
        if (query.Cursor is not null)
        {
            var (sortKey, id) = PostCursor.Decode(query.Cursor, query.Sort);
            Add($"({key}, p.id) < ({{p}}, ", sortKey);
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            where[^1] += "$" + command.Parameters.Count + "::bigint)";
        }

        command.Parameters.Add(new NpgsqlParameter { Value = query.Limit + 1 });
        command.CommandText = $"""
            SELECT {SummaryColumns} FROM posts p
            WHERE {string.Join("\n  AND ", where)}
            ORDER BY {key} DESC, p.id DESC
            LIMIT ${command.Parameters.Count}
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        command.Connection = connection;
        var posts = new List<PostSummary>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                posts.Add(ReadSummary(reader, 0));
            }
        }

        string? next = null;
        if (posts.Count > query.Limit)
        {
            posts.RemoveAt(posts.Count - 1);
            var last = posts[^1];
            next = PostCursor.Encode(query.Sort, last);
        }

        return new PostPage(posts, next);
    }

    /// <summary>A post with makers, topics, media, product links, comments tree and snapshot history.</summary>
    /// <returns>The post, or <see langword="null"/> when it is not stored (or only a placeholder).</returns>
    public async Task<PostDetail?> GetPostAsync(long id, CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.ActivitySource.StartActivity("read post");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        void Add(string sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
            batch.BatchCommands.Add(command);
        }

        Add(
            $"""
            SELECT {SummaryColumns}, p.description, p.url, p.website, p.reviews_count, p.reviews_rating,
                p.hunter_redacted, p.redacted_makers, p.observed_at,
                h.id, h.name, h.username, h.profile_image,
                (SELECT count(*) FROM votes v WHERE v.post_id = p.id)
            FROM posts p LEFT JOIN users h ON h.id = p.hunter_id
            WHERE p.id = $1 AND p.name IS NOT NULL
            """
        );
        Add(
            "SELECT u.id, u.name, u.username, u.profile_image FROM post_makers m JOIN users u ON u.id = m.user_id "
                + "WHERE m.post_id = $1 ORDER BY m.position"
        );
        Add(
            "SELECT t.id, t.name, t.slug FROM post_topics pt JOIN topics t ON t.id = pt.topic_id "
                + "WHERE pt.post_id = $1 AND t.name IS NOT NULL ORDER BY t.name"
        );
        Add("SELECT type, url, video_url FROM post_media WHERE post_id = $1 ORDER BY position");
        Add("SELECT type, url FROM post_product_links WHERE post_id = $1 ORDER BY position");
        Add(
            """
            SELECT c.id, c.parent_id, c.body, c.created_at, c.votes_count, c.author_redacted,
                u.id, u.name, u.username, u.profile_image
            FROM comments c LEFT JOIN users u ON u.id = c.author_id
            WHERE c.post_id = $1 AND c.body IS NOT NULL
            ORDER BY c.created_at, c.id
            """
        );
        Add(
            "SELECT observed_at, votes_count, comments_count, reviews_count FROM post_snapshots "
                + "WHERE post_id = $1 ORDER BY observed_at"
        );

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var summary = ReadSummary(reader, 0);
        var description = reader.IsDBNull(9) ? null : reader.GetString(9);
        var url = reader.GetString(10);
        var website = reader.GetString(11);
        var reviewsCount = reader.GetInt32(12);
        var reviewsRating = reader.GetDouble(13);
        var hunterRedacted = reader.GetBoolean(14);
        var redactedMakers = reader.GetInt32(15);
        var observedAt = reader.GetFieldValue<DateTimeOffset>(16);
        var hunter = ReadUser(reader, 17);
        var votesStored = reader.GetInt64(21);

        await reader.NextResultAsync(cancellationToken);
        var makers = new List<UserSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            makers.Add(ReadUser(reader, 0)!);
        }

        await reader.NextResultAsync(cancellationToken);
        var topics = new List<TopicReference>();
        while (await reader.ReadAsync(cancellationToken))
        {
            topics.Add(new TopicReference(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        var media = new List<MediaItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            media.Add(new MediaItem(reader.GetString(0), reader.GetString(1), NullableString(reader, 2)));
        }

        await reader.NextResultAsync(cancellationToken);
        var links = new List<ProductLinkItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add(new ProductLinkItem(reader.GetString(0), reader.GetString(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var flat =
            new List<(
                long Id,
                long? Parent,
                string Body,
                DateTimeOffset At,
                int Votes,
                bool Redacted,
                UserSummary? Author
            )>();
        while (await reader.ReadAsync(cancellationToken))
        {
            flat.Add(
                (
                    reader.GetInt64(0),
                    reader.IsDBNull(1) ? null : reader.GetInt64(1),
                    reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3),
                    reader.GetInt32(4),
                    reader.GetBoolean(5),
                    ReadUser(reader, 6)
                )
            );
        }

        await reader.NextResultAsync(cancellationToken);
        var history = new List<PostSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(
                new PostSnapshot(
                    reader.GetFieldValue<DateTimeOffset>(0),
                    reader.GetInt32(1),
                    reader.GetInt32(2),
                    reader.GetInt32(3)
                )
            );
        }

        return new PostDetail(
            summary,
            description,
            url,
            website,
            reviewsCount,
            reviewsRating,
            hunter,
            hunterRedacted,
            makers,
            redactedMakers,
            topics,
            media,
            links,
            BuildTree(flat),
            history,
            votesStored,
            observedAt
        );
    }

    /// <summary>Topics with the number of stored posts, most posts first.</summary>
    public async Task<IReadOnlyList<TopicSummary>> GetTopicsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        using var activity = StorageTelemetry.ActivitySource.StartActivity("read topics");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT t.id, t.name, t.slug, t.description, t.followers_count, t.posts_count,
                coalesce(s.stored, 0) AS stored
            FROM topics t
            LEFT JOIN (
                -- One grouped join over all links: 24x faster than a count per topic on 50k posts.
                SELECT pt.topic_id, count(*) AS stored
                FROM post_topics pt JOIN posts p ON p.id = pt.post_id
                WHERE p.name IS NOT NULL
                GROUP BY pt.topic_id
            ) s ON s.topic_id = t.id
            WHERE t.name IS NOT NULL
            ORDER BY stored DESC, t.name, t.id
            LIMIT $1
            """,
            connection
        );
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var topics = new List<TopicSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            topics.Add(
                new TopicSummary(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    NullableString(reader, 3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5),
                    reader.GetInt64(6)
                )
            );
        }

        return topics;
    }

    /// <summary>Posts of a topic launched per month (UTC), oldest month first; empty for an unknown slug.</summary>
    public async Task<IReadOnlyList<MonthlyCount>> GetTopicPostsPerMonthAsync(
        string slug,
        CancellationToken cancellationToken
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        using var activity = StorageTelemetry.ActivitySource.StartActivity("read topic months");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT (date_trunc('month', p.created_at AT TIME ZONE 'UTC'))::date AS month, count(*)
            FROM topics t
            JOIN post_topics pt ON pt.topic_id = t.id
            JOIN posts p ON p.id = pt.post_id
            WHERE t.slug = $1 AND p.name IS NOT NULL
            GROUP BY month
            ORDER BY month
            """,
            connection
        );
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = slug });
        var months = new List<MonthlyCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            months.Add(new MonthlyCount(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1)));
        }

        return months;
    }

    private static PostSummary ReadSummary(NpgsqlDataReader reader, int first) =>
        new(
            reader.GetInt64(first),
            reader.GetString(first + 1),
            reader.GetString(first + 2),
            reader.GetString(first + 3),
            reader.GetInt32(first + 4),
            reader.GetInt32(first + 5),
            reader.GetFieldValue<DateTimeOffset>(first + 6),
            reader.IsDBNull(first + 7) ? null : reader.GetFieldValue<DateTimeOffset>(first + 7),
            NullableString(reader, first + 8)
        );

    private static UserSummary? ReadUser(NpgsqlDataReader reader, int first) =>
        reader.IsDBNull(first)
            ? null
            : new UserSummary(
                reader.GetInt64(first),
                NullableString(reader, first + 1),
                NullableString(reader, first + 2),
                NullableString(reader, first + 3)
            );

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static List<CommentNode> BuildTree(
        List<(
            long Id,
            long? Parent,
            string Body,
            DateTimeOffset At,
            int Votes,
            bool Redacted,
            UserSummary? Author
        )> flat
    )
    {
        var known = flat.Select(c => c.Id).ToHashSet();
        var children = flat.Where(c => c.Parent is { } p && known.Contains(p)).ToLookup(c => c.Parent!.Value);
        CommentNode Node(
            (long Id, long? Parent, string Body, DateTimeOffset At, int Votes, bool Redacted, UserSummary? Author) c,
            int depth
        ) =>
            new(
                c.Id,
                c.Parent,
                c.Body,
                c.At,
                c.Votes,
                c.Author,
                c.Redacted,
                depth > 64 ? [] : children[c.Id].Select(r => Node(r, depth + 1)).ToList()
            );

        return flat.Where(c => c.Parent is not { } p || !known.Contains(p)).Select(c => Node(c, 0)).ToList();
    }

    /// <summary>The opaque keyset cursor: the sort, the last row's sort key and id, base64url-encoded.</summary>
    internal static class PostCursor
    {
        public static string Encode(PostSort sort, PostSummary last)
        {
            var key =
                sort == PostSort.Votes
                    ? last.VotesCount.ToString(CultureInfo.InvariantCulture)
                    : last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
            var text = FormattableString.Invariant($"{(sort == PostSort.Votes ? 'v' : 'n')}:{key}:{last.Id}");
            return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
        }

        public static (object SortKey, long Id) Decode(string cursor, PostSort sort)
        {
            string[] parts;
            try
            {
                parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            }
            catch (FormatException e)
            {
                throw new ArgumentException("The cursor is not one this reader produced.", nameof(cursor), e);
            }

            var expected = sort == PostSort.Votes ? "v" : "n";
            if (
                parts.Length != 3
                || parts[0] != expected
                || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            )
            {
                throw new ArgumentException(
                    "The cursor is not one this reader produced for this order.",
                    nameof(cursor)
                );
            }

            object sortKey = sort == PostSort.Votes ? checked((int)key) : new DateTimeOffset(key, TimeSpan.Zero);
            return (sortKey, id);
        }
    }
}
