using Npgsql;
using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Tests.Analysis;

/// <summary>The derived tables against hand computations over the harvested world's posts and votes.</summary>
public sealed class DerivedTableTests(HarvestedWorld world)
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public async Task Hourly_votes_sum_to_each_posts_first_week_votes_in_the_right_hours()
    {
        var (posts, votes) = await LoadAsync();
        var rows = await ReadAsync(DerivedTables.PostVotesHourly);
        Assert.NotEmpty(rows);

        var expected = new Dictionary<(long, int), int>();
        foreach (var (post, createdAt) in votes)
        {
            var elapsed = createdAt - posts[post];
            if (elapsed >= TimeSpan.Zero && elapsed < TimeSpan.FromHours(168))
            {
                var key = (post, (int)Math.Floor(elapsed.TotalHours));
                expected[key] = expected.GetValueOrDefault(key) + 1;
            }
        }

        var actual = rows.ToDictionary(r => ((long)r[0]!, (int)r[1]!), r => (int)r[3]!);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
        Assert.All(rows, r => Assert.Equal(posts[(long)r[0]!].AddHours((int)r[1]!), (DateTime)r[2]!));
        foreach (var post in posts.Keys)
        {
            var firstWeek = votes.Count(v =>
                v.Post == post && v.CreatedAt >= posts[post] && v.CreatedAt < posts[post].AddDays(7)
            );
            Assert.Equal(firstWeek, rows.Where(r => (long)r[0]! == post).Sum(r => (int)r[3]!));
        }
    }

    [Fact]
    public async Task The_daily_leaderboard_ranks_each_pacific_days_posts_by_votes_at_day_end_and_final_votes()
    {
        var (posts, votes) = await LoadAsync();
        var finals = await QueryAsync(
            "SELECT id, votes_count FROM posts WHERE name IS NOT NULL",
            r => (r.GetInt64(0), r.GetInt32(1))
        );
        var rows = await ReadAsync(DerivedTables.DailyLeaderboard);
        Assert.Equal(posts.Count, rows.Count);

        var byPost = rows.ToDictionary(r => (long)r[1]!);
        foreach (var (post, createdAt) in posts)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(createdAt, Pacific);
            var day = DateOnly.FromDateTime(local);
            var dayEnd = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Pacific);
            var row = byPost[post];
            Assert.Equal(day, (DateOnly)row[0]!);
            Assert.Equal(votes.Count(v => v.Post == post && v.CreatedAt < dayEnd), (int)row[2]!);
        }

        var final = finals.ToDictionary(f => f.Item1, f => f.Item2);
        Assert.All(rows, r => Assert.Equal(final[(long)r[1]!], (int)r[4]!));
        foreach (var day in rows.GroupBy(r => (DateOnly)r[0]!))
        {
            foreach (var (value, rank) in new[] { (2, 3), (4, 5) })
            {
                var ranks = day.Select(r => (Votes: (int)r[value]!, Rank: (int)r[rank]!)).ToList();
                Assert.Contains(ranks, r => r.Rank == 1);
                Assert.All(ranks, r => Assert.Equal(1 + ranks.Count(o => o.Votes > r.Votes), r.Rank));
            }
        }
    }

    private async Task<(Dictionary<long, DateTime> Posts, List<(long Post, DateTime CreatedAt)> Votes)> LoadAsync()
    {
        var posts = await QueryAsync(
            "SELECT id, created_at FROM posts WHERE name IS NOT NULL",
            r => (r.GetInt64(0), r.GetFieldValue<DateTime>(1))
        );
        var votes = await QueryAsync(
            "SELECT post_id, created_at FROM votes WHERE post_id IS NOT NULL",
            r => (r.GetInt64(0), r.GetFieldValue<DateTime>(1))
        );
        return (posts.ToDictionary(p => p.Item1, p => p.Item2), votes);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = world.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task<List<object?[]>> ReadAsync(ExportTable table)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var snapshot = await ExportSnapshot.TakeAsync(world.DataSource, cancellation);
        await using var connection = await snapshot.OpenConnectionAsync(cancellation);
        var rows = new List<object?[]>();
        await foreach (var batch in connection.ReadAsync(table, table.Query!, 1000, cancellation))
        {
            for (var r = 0; r < batch.Count; r++)
            {
                rows.Add([.. Enumerable.Range(0, table.Columns.Count).Select(c => batch.GetValue(r, c))]);
            }
        }

        return rows;
    }
}
