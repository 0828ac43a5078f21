using System.Globalization;

namespace PHDB.Testing.Truth;

/// <summary>
/// The harvest oracle: compares the harvest tables of a PostgreSQL database with what the simulator's
/// <c>/_sim/truth/*</c> says a complete harvest must have found, as exact sets of entities and links
/// (posts, users, topics, collections, comments, votes, post_topics, post_makers, collection_posts).
/// </summary>
/// <remarks>
/// <para>
/// Read the truth with the simulator's clock frozen (<c>Clock:Speed = 0</c>) once the harvest is done: the truth is
/// "now", and counts move with the clock. Counts per set are complete; samples are bounded
/// (<see cref="TruthComparisonOptions.SampleSize"/>). The database is read in one snapshot with plain SQL.
/// </para>
/// <para>Mapping decisions (truth → what storage must hold):</para>
/// <list type="bullet">
/// <item><description>
/// <b>Redaction.</b> The truth is unredacted; the API shows every user but the token's owner as id <c>"0"</c>, and
/// storage keeps such a relation as a NULL id plus a flag. So a hunter, comment author, voter or curator is expected
/// as <c>"user &lt;id&gt;"</c> when disclosed and as <c>"redacted"</c> otherwise (never as an id); a stored row with
/// neither is <c>"none"</c>. Who is disclosed: <see cref="TruthComparisonOptions.DisclosedUserIds"/>, by default the
/// applications' owners.
/// </description></item>
/// <item><description>
/// <b>Makers.</b> A disclosed maker is a <c>post_makers</c> link (key <c>"post P maker U"</c>); redacted makers are
/// one row per post counting them (key <c>"post P redacted makers"</c>, compared with <c>posts.redacted_makers</c>;
/// posts without redacted makers have none). Maker order (<c>position</c>) is not compared.
/// </description></item>
/// <item><description>
/// <b>Users.</b> Only disclosed users referenced by a truth row (hunter, maker, comment author, voter, curator) are
/// expected: redacted users are never stored, and a harvest finds no user nothing refers to. Compared: username,
/// name, createdAt, isMaker (the API shows a disclosed user's own value).
/// </description></item>
/// <item><description>
/// <b>Text.</b> The harvest's sanitiser turns names and taglines into single plain lines, so names (posts, users,
/// topics, collections) and taglines are expected as <see cref="TruthComparisonOptions.StoredText"/> makes them.
/// Slugs and usernames are compared verbatim. Descriptions, bodies and URLs are not compared.
/// </description></item>
/// <item><description>
/// <b>Topics</b> are all expected (the API lists every topic), with createdAt, followersCount and postsCount: a
/// topic known only as a stub from inside a post differs on those.
/// </description></item>
/// <item><description>
/// <b>Posts</b> compare name, slug, tagline, votesCount, commentsCount, reviewsCount, reviewsRating, createdAt,
/// featuredAt and hunter; <b>collections</b> name, createdAt, featuredAt, followersCount and curator. Links
/// (<c>post_topics</c>, <c>collection_posts</c>, disclosed makers) are compared as exact sets of pairs.
/// </description></item>
/// <item><description>
/// <b>Votes</b> compare the subject as kind and id (<c>posts</c> vs <c>comments</c> column), createdAt and voter.
/// <b>Comments</b> compare post, parent, createdAt, votesCount and author.
/// </description></item>
/// <item><description>
/// <b>Placeholders.</b> A placeholder row (<c>name IS NULL</c>; <c>body IS NULL</c> for comments) is no data: if the
/// truth has its id it is missing (and counted in <see cref="SetComparison.MissingPlaceholders"/>), otherwise it is
/// unexpected. A placeholder post has no redacted makers, so its <c>"post P redacted makers"</c> row is missing too.
/// </description></item>
/// <item><description>
/// <b>Instants</b> compare as instants (the API writes whole seconds in UTC; storage keeps <c>timestamptz</c>).
/// </description></item>
/// </list>
/// </remarks>
public static class TruthComparison
{
    /// <summary>Reads the truth from the simulator at <paramref name="simulatorBaseAddress"/> and compares.</summary>
    public static Task<TruthReport> CompareAsync(
        Uri simulatorBaseAddress,
        string connectionString,
        CancellationToken cancellationToken
    ) => CompareAsync(simulatorBaseAddress, connectionString, new TruthComparisonOptions(), cancellationToken);

    /// <summary>Reads the truth from the simulator at <paramref name="simulatorBaseAddress"/> and compares.</summary>
    public static async Task<TruthReport> CompareAsync(
        Uri simulatorBaseAddress,
        string connectionString,
        TruthComparisonOptions options,
        CancellationToken cancellationToken
    )
    {
        var truth = await SimulatorTruth.LoadAsync(simulatorBaseAddress, cancellationToken);
        return await CompareAsync(truth, connectionString, options, cancellationToken);
    }

    /// <summary>Compares the database with a truth read before (<see cref="SimulatorTruth.LoadAsync"/>).</summary>
    public static async Task<TruthReport> CompareAsync(
        SimulatorTruth truth,
        string connectionString,
        TruthComparisonOptions options,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SampleSize);

        var disclosedIds = options.Redaction
            ? (options.DisclosedUserIds ?? truth.ApplicationOwnerIds).ToHashSet()
            : null;
        Func<long, bool> disclosed = disclosedIds is null ? _ => true : disclosedIds.Contains;
        var expected = TruthExpectation.Build(truth, options, disclosed);
        var stored = await DatabaseSets.ReadAsync(connectionString, cancellationToken);
        var n = options.SampleSize;

        static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

        return new TruthReport(
            truth.SimulatedNow,
            disclosedIds is null ? null : [.. disclosedIds.Order()],
            [
                SetComparer.Compare("posts", expected.Posts, stored.Posts, Id, n),
                SetComparer.Compare("users", expected.Users, stored.Users, Id, n),
                SetComparer.Compare("topics", expected.Topics, stored.Topics, Id, n),
                SetComparer.Compare("collections", expected.Collections, stored.Collections, Id, n),
                SetComparer.Compare("comments", expected.Comments, stored.Comments, Id, n),
                SetComparer.Compare("votes", expected.Votes, stored.Votes, Id, n),
                SetComparer.Compare(
                    "post_topics",
                    expected.PostTopics,
                    stored.PostTopics,
                    k => $"post {Id(k.PostId)} topic {Id(k.TopicId)}",
                    n
                ),
                SetComparer.Compare(
                    "post_makers",
                    expected.PostMakers,
                    stored.PostMakers,
                    k =>
                        k.UserId == 0
                            ? $"post {Id(k.PostId)} redacted makers"
                            : $"post {Id(k.PostId)} maker {Id(k.UserId)}",
                    n
                ),
                SetComparer.Compare(
                    "collection_posts",
                    expected.CollectionPosts,
                    stored.CollectionPosts,
                    k => $"collection {Id(k.CollectionId)} post {Id(k.PostId)}",
                    n
                ),
            ]
        );
    }
}
