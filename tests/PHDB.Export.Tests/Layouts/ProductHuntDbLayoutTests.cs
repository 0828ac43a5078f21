using Npgsql;
using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Tests.Layouts;

public sealed class ProductHuntDbLayoutTests(HarvestedWorld world)
{
    [Fact]
    public void The_layout_has_exactly_the_original_datasets_tables_and_columns_in_order()
    {
        string[][] expected =
        [
            [
                "userrow",
                "id",
                "username",
                "name",
                "headline",
                "twitterUsername",
                "websiteUrl",
                "url",
                "createdAt",
                "isMaker",
                "isFollowing",
                "isViewer",
                "profileImage",
                "coverImage",
            ],
            [
                "postrow",
                "id",
                "userId",
                "name",
                "tagline",
                "description",
                "slug",
                "url",
                "website",
                "createdAt",
                "featuredAt",
                "commentsCount",
                "votesCount",
                "reviewsRating",
                "reviewsCount",
                "isCollected",
                "isVoted",
                "thumbnail_type",
                "thumbnail_url",
                "thumbnail_videoUrl",
                "productlinks_json",
            ],
            [
                "topicrow",
                "id",
                "name",
                "slug",
                "description",
                "url",
                "createdAt",
                "followersCount",
                "postsCount",
                "isFollowing",
                "image",
            ],
            [
                "collectionrow",
                "id",
                "name",
                "tagline",
                "description",
                "url",
                "coverImage",
                "createdAt",
                "featuredAt",
                "followersCount",
                "isFollowing",
                "userId",
            ],
            ["commentrow", "id", "post_id", "parentId", "body", "url", "createdAt", "isVoted", "votesCount", "userId"],
            ["voterow", "id", "createdAt", "userId", "post_id", "comment_id"],
            ["posttopiclink", "post_id", "topic_id"],
            ["makerpostlink", "post_id", "user_id"],
            ["collectionpostlink", "collection_id", "post_id"],
            ["crawlstate", "entity", "last_timestamp", "updated_at"],
        ];
        var layout = ProductHuntDbLayout.Layout;
        Assert.Equal("producthuntdb", layout.Name);
        Assert.Equal(
            expected.Select(t => string.Join(',', t)),
            layout.Tables.Select(t => string.Join(',', t.Columns.Select(c => c.Name).Prepend(t.Name)))
        );
    }

    [Theory]
    [InlineData(ProductHuntDbLayout.Name)]
    [InlineData(PhdbLayout.Name)]
    public void Keys_references_and_indexes_name_columns_of_the_layout(string name)
    {
        var tables = name == PhdbLayout.Name ? PhdbLayout.HarvestedTables : ProductHuntDbLayout.Tables;
        foreach (var table in tables)
        {
            Assert.NotEmpty(table.Description);
            Assert.All(table.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Description), c.Name));
            Assert.Equal(table.Columns.Count, table.Columns.Select(c => c.Name).Distinct().Count());
            Assert.All(table.PrimaryKey, c => Assert.False(table.Columns[table.IndexOf(c)].Nullable));
            Assert.All(table.Indexes.SelectMany(i => i), c => table.IndexOf(c));
            foreach (var reference in table.ForeignKeys)
            {
                Assert.Equal(ColumnKind.BigInt, table.Columns[table.IndexOf(reference.Column)].Kind);
                var target = Assert.Single(tables, t => t.Name == reference.Table);
                Assert.Equal([reference.ReferencedColumn], target.PrimaryKey);
                Assert.True(
                    tables.ToList().IndexOf(target) <= tables.ToList().IndexOf(table),
                    $"{reference.Table} comes before {table.Name}"
                );
            }

            if (table.PartitionColumn is { } partition)
            {
                Assert.Equal(ColumnKind.Timestamp, table.Columns[table.IndexOf(partition)].Kind);
            }
        }
    }

    [Fact]
    public void Every_column_left_empty_has_a_note()
    {
        var notes = ProductHuntDbLayout.Layout.Notes;
        string[] viewerOnly =
        [
            "userrow.isFollowing",
            "userrow.isViewer",
            "postrow.isCollected",
            "postrow.isVoted",
            "topicrow.isFollowing",
            "collectionrow.isFollowing",
            "commentrow.isVoted",
        ];
        Assert.All(
            viewerOnly,
            column => Assert.Single(notes, n => n.StartsWith(column + " is always empty", StringComparison.Ordinal))
        );
        foreach (
            var column in new[]
            {
                "postrow.userId",
                "collectionrow.userId",
                "commentrow.userId",
                "postrow.productlinks_json",
                "crawlstate.updated_at",
            }
        )
        {
            Assert.Contains(notes, n => n.StartsWith(column, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Every_query_streams_rows_of_the_declared_kinds_and_nullability()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var snapshot = await ExportSnapshot.TakeAsync(world.DataSource, cancellation);
        await using var connection = await snapshot.OpenConnectionAsync(cancellation);
        foreach (var table in ProductHuntDbLayout.Tables)
        {
            await using (
                var command = new NpgsqlCommand(
                    $"SELECT * FROM ({table.Query}) q LIMIT 0",
                    connection.Connection,
                    connection.Transaction
                )
            )
            await using (var reader = await command.ExecuteReaderAsync(cancellation))
            {
                Assert.Equal(
                    table.Columns.Select(c => $"{c.Name}:{PostgresType(c.Kind)}"),
                    table.Columns.Select((c, i) => $"{c.Name}:{reader.GetDataTypeName(i)}")
                );
            }

            long rows = 0;
            var nonNull = new long[table.Columns.Count];
            await foreach (var batch in connection.ReadAsync(table, table.Query!, 1000, cancellation))
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = batch.Column(c);
                    for (var r = 0; r < batch.Count; r++)
                    {
                        if (column.GetValue(r) is not null)
                        {
                            nonNull[c]++;
                        }
                    }
                }

                rows += batch.Count;
            }

            Assert.Equal(
                await snapshot.ScalarAsync<long>($"SELECT count(*) FROM ({table.Query}) q", cancellation),
                rows
            );
            Assert.True(rows > 0, $"{table.Name} has rows");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                if (!column.Nullable)
                {
                    Assert.True(nonNull[c] == rows, $"{table.Name}.{column.Name} is never empty");
                }
                else if (column.Description.StartsWith("Always empty", StringComparison.Ordinal))
                {
                    Assert.True(nonNull[c] == 0, $"{table.Name}.{column.Name} is always empty");
                }
                else if (
                    table.Name is "userrow" or "postrow" or "commentrow" or "voterow"
                    && column.Name is "id" or "createdAt" or "url"
                )
                {
                    Assert.True(nonNull[c] > 0, $"{table.Name}.{column.Name} is filled");
                }
            }
        }
    }

    [Fact]
    public async Task Crawlstate_has_one_row_per_entity_with_its_newest_creation_time()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var snapshot = await ExportSnapshot.TakeAsync(world.DataSource, cancellation);
        await using var connection = await snapshot.OpenConnectionAsync(cancellation);
        var rows = new List<(string Entity, DateTime? Last, DateTime? Updated)>();
        var table = ProductHuntDbLayout.CrawlState;
        await foreach (var batch in connection.ReadAsync(table, table.Query!, 100, cancellation))
        {
            for (var r = 0; r < batch.Count; r++)
            {
                rows.Add((batch.Texts(0)[r]!, batch.Timestamps(1)[r], batch.Timestamps(2)[r]));
            }
        }

        Assert.Equal(["posts", "comments", "votes", "collections", "topics", "users"], rows.Select(r => r.Entity));
        var newestPost = await snapshot.ScalarAsync<DateTime>("SELECT max(created_at) FROM posts", cancellation);
        Assert.Equal(newestPost, rows[0].Last);
        var finished = await snapshot.ScalarAsync<DateTime>(
            "SELECT max(finished_at) FROM harvest_runs WHERE outcome = 'succeeded'",
            cancellation
        );
        Assert.All(rows, r => Assert.Equal(finished, r.Updated));
        Assert.NotNull(rows[2].Last);
    }

    private static string PostgresType(ColumnKind kind) =>
        kind switch
        {
            ColumnKind.BigInt => "bigint",
            ColumnKind.Count => "integer",
            ColumnKind.Real => "double precision",
            ColumnKind.Boolean => "boolean",
            ColumnKind.Timestamp => "timestamp with time zone",
            ColumnKind.Date => "date",
            _ => "text",
        };
}
