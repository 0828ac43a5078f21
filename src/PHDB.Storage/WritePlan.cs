using Npgsql;
using PHDB.Domain;

namespace PHDB.Storage;

/// <summary>
/// Turns a <see cref="HarvestBatch"/> into the set-based statements that write it: deduplicated, sorted by id (a
/// stable lock order for concurrent writers), one statement per table, every row of a table in parameter arrays
/// expanded by <c>unnest</c>. Placeholders go first (in foreign-key order), then the upserts, then the links.
/// Every statement returns one row: inserted, updated, deleted, considered.
/// </summary>
internal sealed class WritePlan
{
    private static readonly Column[] UserColumns =
    [
        new("id", "bigint"),
        new("name", "text"),
        new("username", "text"),
        new("headline", "text"),
        new("twitter_username", "text"),
        new("website_url", "text"),
        new("url", "text"),
        new("created_at", "timestamptz"),
        new("profile_image", "text"),
        new("cover_image", "text"),
        new("is_maker", "boolean"),
    ];

    private static readonly Column[] TopicColumns =
    [
        new("id", "bigint"),
        new("name", "text"),
        new("slug", "text"),
        new("description", "text", Coalesce: true),
        new("url", "text", Coalesce: true),
        new("created_at", "timestamptz", Coalesce: true),
        new("followers_count", "integer", Coalesce: true),
        new("posts_count", "integer", Coalesce: true),
        new("image", "text", Coalesce: true),
    ];

    private static readonly Column[] PostColumns =
    [
        new("id", "bigint"),
        new("name", "text"),
        new("slug", "text"),
        new("tagline", "text"),
        new("description", "text"),
        new("url", "text"),
        new("website", "text"),
        new("votes_count", "integer"),
        new("comments_count", "integer"),
        new("reviews_count", "integer"),
        new("reviews_rating", "double precision"),
        new("created_at", "timestamptz"),
        new("featured_at", "timestamptz"),
        new("hunter_id", "bigint"),
        new("hunter_redacted", "boolean"),
        new("redacted_makers", "integer"),
        new("thumbnail_type", "text"),
        new("thumbnail_url", "text"),
        new("thumbnail_video_url", "text"),
        new("observed_at", "timestamptz"),
    ];

    private static readonly Column[] CommentColumns =
    [
        new("id", "bigint"),
        new("post_id", "bigint"),
        new("parent_id", "bigint"),
        new("body", "text"),
        new("url", "text"),
        new("created_at", "timestamptz"),
        new("votes_count", "integer"),
        new("author_id", "bigint"),
        new("author_redacted", "boolean"),
        new("observed_at", "timestamptz"),
    ];

    private static readonly Column[] VoteColumns =
    [
        new("id", "bigint"),
        new("post_id", "bigint"),
        new("comment_id", "bigint"),
        new("created_at", "timestamptz"),
        new("voter_id", "bigint"),
        new("voter_redacted", "boolean"),
    ];

    private static readonly Column[] CollectionColumns =
    [
        new("id", "bigint"),
        new("name", "text"),
        new("tagline", "text"),
        new("description", "text"),
        new("url", "text"),
        new("created_at", "timestamptz"),
        new("featured_at", "timestamptz"),
        new("followers_count", "integer"),
        new("cover_image", "text"),
        new("curator_id", "bigint"),
        new("curator_redacted", "boolean"),
        new("observed_at", "timestamptz"),
    ];

    private const string NewerWins = "(t.observed_at IS NULL OR t.observed_at <= EXCLUDED.observed_at)";

    private const string AcceptedPosts =
        "SELECT o.id FROM unnest($1::bigint[], $2::timestamptz[]) AS o(id, observed_at) "
        + "WHERE (SELECT p.observed_at FROM posts p WHERE p.id = o.id) = o.observed_at";

    private const string AcceptedCollections =
        "SELECT o.id FROM unnest($1::bigint[], $2::timestamptz[]) AS o(id, observed_at) "
        + "WHERE (SELECT c.observed_at FROM collections c WHERE c.id = o.id) = o.observed_at";

    private static readonly string UserUpsert = Upsert("users", UserColumns, guard: null);
    private static readonly string TopicUpsert = Upsert("topics", TopicColumns, guard: null);
    private static readonly string PostUpsert = Upsert("posts", PostColumns, NewerWins);
    private static readonly string CommentUpsert = Upsert("comments", CommentColumns, NewerWins);
    private static readonly string VoteUpsert = Upsert("votes", VoteColumns, guard: null);
    private static readonly string CollectionUpsert = Upsert("collections", CollectionColumns, NewerWins);

    private static readonly string PostTopicsReplace = ReplaceLinks(
        "post_topics",
        [new("post_id", "bigint"), new("topic_id", "bigint")],
        keys: 2,
        AcceptedPosts,
        sourceOnlyOfOwners: true
    );

    private static readonly string PostMakersReplace = ReplaceLinks(
        "post_makers",
        [new("post_id", "bigint"), new("user_id", "bigint"), new("position", "integer")],
        keys: 2,
        AcceptedPosts,
        sourceOnlyOfOwners: true
    );

    private static readonly string PostMediaReplace = ReplaceLinks(
        "post_media",
        [
            new("post_id", "bigint"),
            new("position", "integer"),
            new("type", "text"),
            new("url", "text"),
            new("video_url", "text"),
        ],
        keys: 2,
        AcceptedPosts,
        sourceOnlyOfOwners: true
    );

    private static readonly string PostProductLinksReplace = ReplaceLinks(
        "post_product_links",
        [new("post_id", "bigint"), new("position", "integer"), new("type", "text"), new("url", "text")],
        keys: 2,
        AcceptedPosts,
        sourceOnlyOfOwners: true
    );

    private static readonly string CollectionTopicsReplace = ReplaceLinks(
        "collection_topics",
        [new("collection_id", "bigint"), new("topic_id", "bigint")],
        keys: 2,
        AcceptedCollections,
        sourceOnlyOfOwners: true
    );

    // Owners here are the collections whose complete post set the batch holds; pages of the others only add.
    private static readonly string CollectionPostsReplace = ReplaceLinks(
        "collection_posts",
        [new("collection_id", "bigint"), new("post_id", "bigint")],
        keys: 2,
        "SELECT unnest($1::bigint[]) AS id",
        sourceOnlyOfOwners: false,
        ownerParameters: 1
    );

    private const string SnapshotAppend = """
        WITH src AS (
            SELECT s.* FROM unnest($1::bigint[], $2::timestamptz[], $3::integer[], $4::integer[], $5::integer[])
                AS s(post_id, observed_at, votes_count, comments_count, reviews_count)
            WHERE (SELECT p.observed_at FROM posts p WHERE p.id = s.post_id) = s.observed_at
        ),
        up AS (
            INSERT INTO post_snapshots (post_id, observed_at, votes_count, comments_count, reviews_count)
            SELECT s.post_id, s.observed_at, s.votes_count, s.comments_count, s.reviews_count FROM src s
            WHERE NOT EXISTS (
                SELECT 1 FROM (
                    SELECT l.votes_count, l.comments_count, l.reviews_count FROM post_snapshots l
                    WHERE l.post_id = s.post_id ORDER BY l.observed_at DESC LIMIT 1
                ) last
                WHERE (last.votes_count, last.comments_count, last.reviews_count)
                    = (s.votes_count, s.comments_count, s.reviews_count)
            )
            ON CONFLICT (post_id, observed_at) DO NOTHING
            RETURNING true AS inserted
        )
        SELECT (SELECT count(*) FROM up), 0::bigint, 0::bigint, (SELECT count(*) FROM src)
        """;

    private readonly List<(Step Step, NpgsqlBatchCommand Command)> statements = [];

    public WritePlan(HarvestBatch batch)
    {
        var users = batch.Users.GroupBy(u => u.Id).Select(g => g.Last()).OrderBy(u => u.Id).ToArray();
        var topics = batch.Topics.GroupBy(t => t.Id).Select(g => g.Aggregate(Richer)).OrderBy(t => t.Id).ToArray();
        var posts = Newest(batch.Posts, p => p.Id, p => p.ObservedAt);
        var comments = Newest(batch.Comments, c => c.Id, c => c.ObservedAt);
        var votes = batch.Votes.GroupBy(v => v.Id).Select(g => g.Last()).OrderBy(v => v.Id).ToArray();
        var collections = Newest(batch.Collections, c => c.Id, c => c.ObservedAt);
        var collectionPosts = batch
            .CollectionPosts.GroupBy(c => c.CollectionId)
            .Select(g => new CollectionPosts(
                g.Key,
                g.SelectMany(c => c.PostIds).Distinct().Order().ToArray(),
                g.Any(c => c.IsComplete)
            ))
            .OrderBy(c => c.CollectionId)
            .ToArray();

        AddPlaceholders(users, topics, posts, comments, votes, collections, collectionPosts);

        if (users.Length > 0)
        {
            Add(
                Step.Users,
                UserUpsert,
                P(users.Select(u => u.Id)),
                P(users.Select(u => u.Name)),
                P(users.Select(u => u.Username)),
                P(users.Select(u => u.Headline)),
                P(users.Select(u => u.TwitterUsername)),
                P(users.Select(u => u.WebsiteUrl)),
                P(users.Select(u => u.Url)),
                P(users.Select(u => u.CreatedAt.ToUniversalTime())),
                P(users.Select(u => u.ProfileImage)),
                P(users.Select(u => u.CoverImage)),
                P(users.Select(u => u.IsMaker))
            );
        }

        if (topics.Length > 0)
        {
            Add(
                Step.Topics,
                TopicUpsert,
                P(topics.Select(t => t.Id)),
                P(topics.Select(t => t.Name)),
                P(topics.Select(t => t.Slug)),
                P(topics.Select(t => t.Description)),
                P(topics.Select(t => t.Url)),
                P(topics.Select(t => t.CreatedAt?.ToUniversalTime())),
                P(topics.Select(t => t.FollowersCount)),
                P(topics.Select(t => t.PostsCount)),
                P(topics.Select(t => t.Image))
            );
        }

        if (posts.Length > 0)
        {
            AddPosts(posts);
        }

        if (comments.Length > 0)
        {
            Add(
                Step.Comments,
                CommentUpsert,
                P(comments.Select(c => c.Id)),
                P(comments.Select(c => (long?)c.PostId)),
                P(comments.Select(c => c.ParentId)),
                P(comments.Select(c => c.Body)),
                P(comments.Select(c => c.Url)),
                P(comments.Select(c => c.CreatedAt.ToUniversalTime())),
                P(comments.Select(c => c.VotesCount)),
                P(comments.Select(c => c.Author.Id)),
                P(comments.Select(c => c.Author.IsRedacted)),
                P(comments.Select(c => c.ObservedAt.ToUniversalTime()))
            );
        }

        if (votes.Length > 0)
        {
            Add(
                Step.Votes,
                VoteUpsert,
                P(votes.Select(v => v.Id)),
                P(votes.Select(v => v.Subject == VoteSubject.Post ? v.SubjectId : (long?)null)),
                P(votes.Select(v => v.Subject == VoteSubject.Comment ? v.SubjectId : (long?)null)),
                P(votes.Select(v => v.CreatedAt.ToUniversalTime())),
                P(votes.Select(v => v.Voter.Id)),
                P(votes.Select(v => v.Voter.IsRedacted))
            );
        }

        if (collections.Length > 0)
        {
            AddCollections(collections);
        }

        if (collectionPosts.Length > 0)
        {
            var complete = collectionPosts.Where(c => c.IsComplete).Select(c => c.CollectionId).ToArray();
            var links = collectionPosts.SelectMany(c => c.PostIds.Select(p => (c.CollectionId, PostId: p))).ToArray();
            Add(
                Step.CollectionPosts,
                CollectionPostsReplace,
                P(complete),
                P(links.Select(l => l.CollectionId)),
                P(links.Select(l => l.PostId))
            );
        }
    }

    /// <summary>Statements in execution order.</summary>
    public IReadOnlyList<(Step Step, NpgsqlBatchCommand Command)> Statements => statements;

    private void AddPosts(Post[] posts)
    {
        Add(
            Step.Posts,
            PostUpsert,
            P(posts.Select(p => p.Id)),
            P(posts.Select(p => p.Name)),
            P(posts.Select(p => p.Slug)),
            P(posts.Select(p => p.Tagline)),
            P(posts.Select(p => p.Description)),
            P(posts.Select(p => p.Url)),
            P(posts.Select(p => p.Website)),
            P(posts.Select(p => p.VotesCount)),
            P(posts.Select(p => p.CommentsCount)),
            P(posts.Select(p => p.ReviewsCount)),
            P(posts.Select(p => p.ReviewsRating)),
            P(posts.Select(p => p.CreatedAt.ToUniversalTime())),
            P(posts.Select(p => p.FeaturedAt?.ToUniversalTime())),
            P(posts.Select(p => p.Hunter.Id)),
            P(posts.Select(p => p.Hunter.IsRedacted)),
            P(posts.Select(p => p.Makers.Count(m => m.IsRedacted))),
            P(posts.Select(p => p.Thumbnail?.Type)),
            P(posts.Select(p => p.Thumbnail?.Url)),
            P(posts.Select(p => p.Thumbnail?.VideoUrl)),
            P(posts.Select(p => p.ObservedAt.ToUniversalTime()))
        );

        var ids = posts.Select(p => p.Id).ToArray();
        var observed = posts.Select(p => p.ObservedAt.ToUniversalTime()).ToArray();

        var topicLinks = posts.SelectMany(p => p.TopicIds.Distinct().Order().Select(t => (p.Id, t))).ToArray();
        Add(
            Step.PostTopics,
            PostTopicsReplace,
            P(ids),
            P(observed),
            P(topicLinks.Select(l => l.Id)),
            P(topicLinks.Select(l => l.t))
        );

        var makers = posts
            .SelectMany(p =>
                p.Makers.Where(m => m.Id is not null)
                    .Select(m => m.Id!.Value)
                    .Distinct()
                    .Select((userId, position) => (PostId: p.Id, UserId: userId, Position: position))
            )
            .ToArray();
        Add(
            Step.PostMakers,
            PostMakersReplace,
            P(ids),
            P(observed),
            P(makers.Select(m => m.PostId)),
            P(makers.Select(m => m.UserId)),
            P(makers.Select(m => m.Position))
        );

        var media = posts.SelectMany(p => p.Media.Select((m, i) => (PostId: p.Id, Position: i, Media: m))).ToArray();
        Add(
            Step.PostMedia,
            PostMediaReplace,
            P(ids),
            P(observed),
            P(media.Select(m => m.PostId)),
            P(media.Select(m => m.Position)),
            P(media.Select(m => m.Media.Type)),
            P(media.Select(m => m.Media.Url)),
            P(media.Select(m => m.Media.VideoUrl))
        );

        var links = posts
            .SelectMany(p => p.ProductLinks.Select((l, i) => (PostId: p.Id, Position: i, Link: l)))
            .ToArray();
        Add(
            Step.PostProductLinks,
            PostProductLinksReplace,
            P(ids),
            P(observed),
            P(links.Select(l => l.PostId)),
            P(links.Select(l => l.Position)),
            P(links.Select(l => l.Link.Type)),
            P(links.Select(l => l.Link.Url))
        );

        Add(
            Step.Snapshots,
            SnapshotAppend,
            P(ids),
            P(observed),
            P(posts.Select(p => p.VotesCount)),
            P(posts.Select(p => p.CommentsCount)),
            P(posts.Select(p => p.ReviewsCount))
        );
    }

    private void AddCollections(Collection[] collections)
    {
        Add(
            Step.Collections,
            CollectionUpsert,
            P(collections.Select(c => c.Id)),
            P(collections.Select(c => c.Name)),
            P(collections.Select(c => c.Tagline)),
            P(collections.Select(c => c.Description)),
            P(collections.Select(c => c.Url)),
            P(collections.Select(c => c.CreatedAt.ToUniversalTime())),
            P(collections.Select(c => c.FeaturedAt?.ToUniversalTime())),
            P(collections.Select(c => c.FollowersCount)),
            P(collections.Select(c => c.CoverImage)),
            P(collections.Select(c => c.Curator.Id)),
            P(collections.Select(c => c.Curator.IsRedacted)),
            P(collections.Select(c => c.ObservedAt.ToUniversalTime()))
        );

        var withTopics = collections.Where(c => c.TopicIds is not null).ToArray();
        if (withTopics.Length > 0)
        {
            var links = withTopics.SelectMany(c => c.TopicIds!.Distinct().Order().Select(t => (c.Id, t))).ToArray();
            Add(
                Step.CollectionTopics,
                CollectionTopicsReplace,
                P(withTopics.Select(c => c.Id)),
                P(withTopics.Select(c => c.ObservedAt.ToUniversalTime())),
                P(links.Select(l => l.Id)),
                P(links.Select(l => l.t))
            );
        }
    }

    private void AddPlaceholders(
        User[] users,
        Topic[] topics,
        Post[] posts,
        Comment[] comments,
        Vote[] votes,
        Collection[] collections,
        CollectionPosts[] collectionPosts
    )
    {
        var userRefs = posts
            .SelectMany(p => p.Makers.Append(p.Hunter))
            .Concat(comments.Select(c => c.Author))
            .Concat(votes.Select(v => v.Voter))
            .Concat(collections.Select(c => c.Curator))
            .Where(u => u.Id is not null)
            .Select(u => u.Id!.Value);
        AddPlaceholders(Step.UserPlaceholders, "users", userRefs, users.Select(u => u.Id));

        var topicRefs = posts.SelectMany(p => p.TopicIds).Concat(collections.SelectMany(c => c.TopicIds ?? []));
        AddPlaceholders(Step.TopicPlaceholders, "topics", topicRefs, topics.Select(t => t.Id));

        var postRefs = comments
            .Select(c => c.PostId)
            .Concat(votes.Where(v => v.Subject == VoteSubject.Post).Select(v => v.SubjectId))
            .Concat(collectionPosts.SelectMany(c => c.PostIds));
        AddPlaceholders(Step.PostPlaceholders, "posts", postRefs, posts.Select(p => p.Id));

        var commentRefs = comments
            .Where(c => c.ParentId is not null)
            .Select(c => c.ParentId!.Value)
            .Concat(votes.Where(v => v.Subject == VoteSubject.Comment).Select(v => v.SubjectId));
        AddPlaceholders(Step.CommentPlaceholders, "comments", commentRefs, comments.Select(c => c.Id));

        var collectionRefs = collectionPosts.Select(c => c.CollectionId);
        AddPlaceholders(Step.CollectionPlaceholders, "collections", collectionRefs, collections.Select(c => c.Id));
    }

    private void AddPlaceholders(Step step, string table, IEnumerable<long> referenced, IEnumerable<long> inBatch)
    {
        var missing = referenced.Except(inBatch).Order().ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        Add(
            step,
            $"""
            WITH src AS (SELECT unnest($1::bigint[]) AS id),
            up AS (INSERT INTO {table} (id) SELECT id FROM src ON CONFLICT (id) DO NOTHING RETURNING true AS inserted)
            SELECT (SELECT count(*) FROM up), 0::bigint, 0::bigint, (SELECT count(*) FROM src)
            """,
            P(missing)
        );
    }

    private void Add(Step step, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        statements.Add((step, command));
    }

    private static NpgsqlParameter<T[]> P<T>(IEnumerable<T> values) =>
        new NpgsqlParameter<T[]> { TypedValue = [.. values] };

    private static T[] Newest<T>(IEnumerable<T> items, Func<T, long> id, Func<T, DateTimeOffset> observedAt) =>
        items
            .Select((item, index) => (item, index))
            .GroupBy(x => id(x.item))
            .Select(g => g.OrderBy(x => observedAt(x.item)).ThenBy(x => x.index).Last().item)
            .OrderBy(id)
            .ToArray();

    private static Topic Richer(Topic older, Topic newer) =>
        newer with
        {
            Description = newer.Description ?? older.Description,
            Url = newer.Url ?? older.Url,
            CreatedAt = newer.CreatedAt ?? older.CreatedAt,
            FollowersCount = newer.FollowersCount ?? older.FollowersCount,
            PostsCount = newer.PostsCount ?? older.PostsCount,
            Image = newer.Image ?? older.Image,
        };

    /// <summary>
    /// <c>INSERT … SELECT FROM unnest(…) ON CONFLICT (id) DO UPDATE … WHERE stored IS DISTINCT FROM new</c>: unchanged
    /// rows are not rewritten; <paramref name="guard"/> further restricts updates (newer observation wins).
    /// </summary>
    private static string Upsert(string table, Column[] columns, string? guard)
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        var arrays = string.Join(", ", columns.Select((c, i) => $"${i + 1}::{c.Type}[]"));
        var data = columns.Skip(1).ToArray();
        string Value(Column c) => c.Coalesce ? $"coalesce(EXCLUDED.{c.Name}, t.{c.Name})" : $"EXCLUDED.{c.Name}";
        var set = string.Join(", ", data.Select(c => $"{c.Name} = {Value(c)}"));
        var stored = string.Join(", ", data.Select(c => $"t.{c.Name}"));
        var incoming = string.Join(", ", data.Select(Value));
        var where = (guard is null ? "" : guard + " AND ") + $"({stored}) IS DISTINCT FROM ({incoming})";
        return $"""
            WITH src AS (SELECT * FROM unnest({arrays}) AS s({names})),
            up AS (
                INSERT INTO {table} AS t ({names}) SELECT {names} FROM src
                ON CONFLICT (id) DO UPDATE SET {set}
                WHERE {where}
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted), 0::bigint,
                (SELECT count(*) FROM src)
            FROM up
            """;
    }

    /// <summary>
    /// Replaces the link rows of each owner in <paramref name="owners"/> (a query yielding <c>id</c> from the first
    /// <paramref name="ownerParameters"/> parameters) with the given rows: rows no longer listed are deleted, new
    /// ones inserted, changed ones updated; identical rows are left alone.
    /// </summary>
    private static string ReplaceLinks(
        string table,
        Column[] columns,
        int keys,
        string owners,
        bool sourceOnlyOfOwners,
        int ownerParameters = 2
    )
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        var arrays = string.Join(", ", columns.Select((c, i) => $"${i + 1 + ownerParameters}::{c.Type}[]"));
        var owner = columns[0].Name;
        var keyNames = columns.Take(keys).Select(c => c.Name).ToArray();
        var data = columns.Skip(keys).Select(c => c.Name).ToArray();
        var filter = sourceOnlyOfOwners ? $" WHERE s.{owner} IN (SELECT id FROM owners)" : "";
        var sameKey = string.Join(" AND ", keyNames.Select(k => $"s.{k} = x.{k}"));
        var conflict =
            data.Length == 0
                ? "DO NOTHING RETURNING true AS inserted"
                : $"DO UPDATE SET {string.Join(", ", data.Select(d => $"{d} = EXCLUDED.{d}"))} "
                    + $"WHERE ({string.Join(", ", data.Select(d => $"t.{d}"))}) IS DISTINCT FROM "
                    + $"({string.Join(", ", data.Select(d => $"EXCLUDED.{d}"))}) RETURNING (xmax = 0) AS inserted";
        return $"""
            WITH owners AS ({owners}),
            src AS (SELECT s.* FROM unnest({arrays}) AS s({names}){filter}),
            del AS (
                DELETE FROM {table} x
                WHERE x.{owner} = ANY (ARRAY(SELECT id FROM owners))
                    AND NOT EXISTS (SELECT 1 FROM src s WHERE {sameKey})
                RETURNING 1
            ),
            up AS (
                INSERT INTO {table} AS t ({names}) SELECT {names} FROM src
                ON CONFLICT ({string.Join(", ", keyNames)}) {conflict}
            )
            SELECT (SELECT count(*) FROM up WHERE inserted), (SELECT count(*) FROM up WHERE NOT inserted),
                (SELECT count(*) FROM del), (SELECT count(*) FROM src)
            """;
    }

    private sealed record Column(string Name, string Type, bool Coalesce = false);

    /// <summary>What a statement writes.</summary>
    internal enum Step
    {
        UserPlaceholders,
        TopicPlaceholders,
        PostPlaceholders,
        CommentPlaceholders,
        CollectionPlaceholders,
        Users,
        Topics,
        Posts,
        PostTopics,
        PostMakers,
        PostMedia,
        PostProductLinks,
        Snapshots,
        Comments,
        Votes,
        Collections,
        CollectionTopics,
        CollectionPosts,
    }
}
