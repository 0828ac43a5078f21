using System.Globalization;
using Npgsql;
using PHDB.Domain;
using PHDB.Testing.Truth;

namespace PHDB.Truth.Tests;

public sealed class TruthComparisonTests(LoadedTruth loaded) : IClassFixture<LoadedTruth>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private SimulatorTruth Truth => loaded.Truth;

    [Fact]
    public async Task A_database_written_from_the_truth_matches_it_exactly()
    {
        var database = await loaded.CopyAsync(Cancel);

        var report = await TruthComparison.CompareAsync(loaded.Simulator.BaseAddress, database, Cancel);

        Assert.True(report.IsExactMatch, report.ToString());
        Assert.Equal(Truth.SimulatedNow, report.SimulatedNow);
        Assert.Equal(9, report.Sets.Count);
        Assert.All(report.Sets, s => Assert.True(s.TruthCount > 0, $"{s.Name} is empty: the test proves nothing."));
        Assert.All(report.Sets, s => Assert.Equal(s.TruthCount, s.DatabaseCount));
        Assert.All(report.Sets, s => Assert.Equal(0, s.DatabasePlaceholders));
        Assert.Equal(Truth.Posts.Count, report.Posts.TruthCount);
        Assert.Equal(Truth.Votes.Count, report.Votes.TruthCount);
        Assert.Equal(Truth.PostTopics.Count, report.PostTopics.TruthCount);
        Assert.Equal(Truth.CollectionPosts.Count, report.CollectionPosts.TruthCount);
        // Redaction: only the owner is a user row; every other maker is counted per post.
        Assert.Equal(loaded.Disclosed.Order(), report.DisclosedUserIds!);
        Assert.Equal(1, report.Users.TruthCount);
        Assert.True(report.PostMakers.TruthCount < Truth.PostMakers.Count);
        Assert.Contains("exact match", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_vote_is_missing()
    {
        var database = await loaded.CopyAsync(Cancel);
        var vote = Truth.Votes[Truth.Votes.Count / 2];
        await ExecuteAsync(database, $"DELETE FROM votes WHERE id = {vote.Id}");

        var report = await TruthComparison.CompareAsync(Truth, database, new TruthComparisonOptions(), Cancel);

        Assert.False(report.IsExactMatch);
        Assert.Equal(1, report.Votes.MissingCount);
        Assert.Equal([Id(vote.Id)], report.Votes.Missing);
        Assert.Equal(Truth.Votes.Count - 1, report.Votes.DatabaseCount);
        OnlyDifferent(report, "votes");
        Assert.Contains($"missing 1: {Id(vote.Id)}", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_votes_count_is_a_differing_post()
    {
        var database = await loaded.CopyAsync(Cancel);
        var post = Truth.Posts[Truth.Posts.Count / 3];
        await ExecuteAsync(database, $"UPDATE posts SET votes_count = votes_count + 1 WHERE id = {post.Id}");

        var report = await TruthComparison.CompareAsync(Truth, database, new TruthComparisonOptions(), Cancel);

        var row = Assert.Single(report.Posts.Differing);
        Assert.Equal(Id(post.Id), row.Key);
        Assert.Equal([new FieldDifference("votesCount", Id(post.VotesCount), Id(post.VotesCount + 1))], row.Fields);
        Assert.Equal(1, report.Posts.DifferingCount);
        Assert.Equal(0, report.Posts.MissingCount + report.Posts.UnexpectedCount);
        OnlyDifferent(report, "posts");
        Assert.Contains(
            $"{post.Id} (votesCount: truth {post.VotesCount}, database {post.VotesCount + 1})",
            report.ToString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_dropped_post_topic_link_is_missing()
    {
        var database = await loaded.CopyAsync(Cancel);
        var link = Truth.PostTopics[Truth.PostTopics.Count / 2];
        await ExecuteAsync(
            database,
            $"DELETE FROM post_topics WHERE post_id = {link.PostId} AND topic_id = {link.TopicId}"
        );

        var report = await TruthComparison.CompareAsync(Truth, database, new TruthComparisonOptions(), Cancel);

        Assert.Equal([$"post {link.PostId} topic {link.TopicId}"], report.PostTopics.Missing);
        Assert.Equal(1, report.PostTopics.MissingCount);
        OnlyDifferent(report, "post_topics");
    }

    [Fact]
    public async Task An_added_comment_is_unexpected()
    {
        var database = await loaded.CopyAsync(Cancel);
        var id = Truth.Comments.Max(c => c.Id) + 1;
        await ExecuteAsync(
            database,
            "INSERT INTO comments (id, post_id, body, url, created_at, votes_count, author_redacted, observed_at) "
                + $"VALUES ({id}, {Truth.Posts[0].Id}, 'Nice', 'https://example.com/', now(), 0, true, now())"
        );

        var report = await TruthComparison.CompareAsync(Truth, database, new TruthComparisonOptions(), Cancel);

        Assert.Equal([Id(id)], report.Comments.Unexpected);
        Assert.Equal(1, report.Comments.UnexpectedCount);
        Assert.Equal(Truth.Comments.Count + 1, report.Comments.DatabaseCount);
        OnlyDifferent(report, "comments");
        Assert.Contains($"unexpected 1: {Id(id)}", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_turned_into_a_placeholder_is_missing()
    {
        var database = await loaded.CopyAsync(Cancel);
        var post = Truth.Posts[Truth.Posts.Count / 4];
        await ExecuteAsync(
            database,
            "UPDATE posts SET name = NULL, slug = NULL, tagline = NULL, description = NULL, url = NULL, "
                + "website = NULL, votes_count = NULL, comments_count = NULL, reviews_count = NULL, "
                + "reviews_rating = NULL, created_at = NULL, featured_at = NULL, hunter_id = NULL, "
                + "hunter_redacted = false, redacted_makers = 0, thumbnail_type = NULL, thumbnail_url = NULL, "
                + $"thumbnail_video_url = NULL, observed_at = NULL WHERE id = {post.Id}"
        );

        var report = await TruthComparison.CompareAsync(Truth, database, new TruthComparisonOptions(), Cancel);

        Assert.Equal([Id(post.Id)], report.Posts.Missing);
        Assert.Equal(1, report.Posts.MissingPlaceholders);
        Assert.Equal(1, report.Posts.DatabasePlaceholders);
        Assert.Equal(Truth.Posts.Count - 1, report.Posts.DatabaseCount);
        // The placeholder lost the post's count of redacted makers too (a placeholder has no data).
        var redactedMakers = Truth.PostMakers.Count(m => m.PostId == post.Id && !loaded.Disclosed.Contains(m.UserId));
        Assert.Equal(redactedMakers > 0 ? [$"post {post.Id} redacted makers"] : [], report.PostMakers.Missing);
        OnlyDifferent(report, "posts", "post_makers");
        Assert.Contains("(1 only placeholders)", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_voter_the_API_redacts_differs()
    {
        var database = await loaded.CopyAsync(Cancel);
        var owner = loaded.Disclosed.Single();
        var vote = Truth.Votes.First(v => v.UserId != owner && v.SubjectType == VoteSubject.Comment);
        await ExecuteAsync(
            database,
            $"UPDATE votes SET voter_redacted = false, voter_id = {owner} WHERE id = {vote.Id}"
        );

        var report = await TruthComparison.CompareAsync(Truth, database, new TruthComparisonOptions(), Cancel);

        var row = Assert.Single(report.Votes.Differing);
        Assert.Equal([new FieldDifference("voter", "\"redacted\"", $"\"user {owner}\"")], row.Fields);
        OnlyDifferent(report, "votes");
    }

    [Fact]
    public async Task Without_redaction_every_referenced_user_is_expected_by_id()
    {
        var database = await loaded.CopyAsync(Cancel);

        var report = await TruthComparison.CompareAsync(
            Truth,
            database,
            new TruthComparisonOptions { Redaction = false, SampleSize = 3 },
            Cancel
        );

        Assert.Null(report.DisclosedUserIds);
        Assert.True(report.Users.MissingCount > 1);
        Assert.Equal(3, report.Users.Missing.Count);
        Assert.Equal(report.Votes.TruthCount, report.Votes.DatabaseCount);
        Assert.True(report.Votes.DifferingCount > 0);
        Assert.All(report.Votes.Differing, d => Assert.Equal("voter", Assert.Single(d.Fields).Field));
        Assert.True(report.Posts.TruthCount > 0 && report.Topics.IsExactMatch);
    }

    private void OnlyDifferent(TruthReport report, params string[] sets)
    {
        Assert.Equal(sets.Order(), report.Sets.Where(s => !s.IsExactMatch).Select(s => s.Name).Order());
        Assert.Equal(Truth.SimulatedNow, report.SimulatedNow);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
    }
}
