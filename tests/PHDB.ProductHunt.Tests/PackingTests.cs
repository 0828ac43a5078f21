using CsCheck;
using PHDB.Simulator.Hosting;

namespace PHDB.ProductHunt.Tests;

/// <summary>Packs of 1…N items map back to their items, including empty connections and connections that end mid-pack.</summary>
public sealed class PackingTests(SharedSimulator shared)
{
    private SimulatorHost Simulator => shared.Host;

    private static readonly DateTimeOffset Day = new(2026, 5, 20, 0, 0, 0, TimeSpan.Zero);

    private static List<WorkItem> Windows(int count) =>
        [
            .. Enumerable
                .Range(0, count)
                .Select(i =>
                    (WorkItem)
                        new PostsPage
                        {
                            First = 4,
                            Order = PostsOrder.Newest,
                            PostedAfter = Day.AddDays(-i - 1),
                            PostedBefore = Day.AddDays(-i).AddSeconds(-1),
                        }
                ),
        ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Packed_windows_return_what_each_window_returns_alone(int count)
    {
        using var client = Testing.Client(Simulator);
        var items = Windows(count);
        var packed = await client.ExecuteAsync(items, Testing.Cancel);
        Assert.Equal(1, packed.Requests);
        Assert.Equal(count, packed.Results.Count);
        Assert.All(packed.Results, r => Assert.Equal(packed.Budget, r.Budget));
        for (var i = 0; i < count; i++)
        {
            var alone = await RoundTripTests.RunAsync(client, items[i]);
            var result = packed.Results[i];
            Assert.Same(items[i], result.Item);
            Assert.Equal(alone.Batch.Posts.Select(p => p.Id), result.Batch.Posts.Select(p => p.Id));
            Assert.Equal(alone.EndCursor, result.EndCursor);
            Assert.Equal(alone.Next, result.Next);
            Assert.All(result.Batch.Posts, p => Assert.InRange(p.CreatedAt, Day.AddDays(-i - 1), Day.AddDays(-i)));
        }
    }

    [Fact]
    public async Task Empty_connections_and_connections_ending_mid_pack_map_to_their_items()
    {
        using var client = Testing.Client(Simulator);
        var allTopics = await RoundTripTests.RunAsync(client, new TopicsPage { First = 1 });
        var total = allTopics.TotalCount!.Value;
        WorkItem[] items =
        [
            new PostsPage { First = 5, Topic = "no-such-topic" },
            new TopicsPage { First = 20, After = Cursor(total - 3) },
            new PostsPage { First = 5 },
            new TopicsPage { First = 20, After = Cursor(total) },
            new PostLookup(999_999_999),
            new CommentLookup(999_999_999, 1),
        ];
        var pack = await client.ExecuteAsync(items, Testing.Cancel);
        Assert.Equal(1, pack.Requests);
        Assert.All(pack.Results, r => Assert.True(r.Succeeded, r.Error?.Message));

        Assert.Empty(pack.Results[0].Batch.Posts);
        Assert.False(pack.Results[0].HasNextPage);
        Assert.Null(pack.Results[0].Next);

        Assert.Equal(3, pack.Results[1].Batch.Topics.Count);
        Assert.False(pack.Results[1].HasNextPage);
        Assert.Null(pack.Results[1].Next);

        Assert.Equal(5, pack.Results[2].Batch.Posts.Count);
        Assert.NotNull(pack.Results[2].Next);

        Assert.Empty(pack.Results[3].Batch.Topics);
        Assert.Null(pack.Results[3].Next);

        Assert.False(pack.Results[4].Found);
        Assert.False(pack.Results[5].Found);
    }

    [Fact]
    public async Task An_invalid_cursor_fails_its_own_item_only()
    {
        using var client = Testing.Client(Simulator);
        var pack = await client.ExecuteAsync(
            [new TopicsPage { First = 2 }, new TopicsPage { After = "!!not base64!!" }, new PostsPage { First = 2 }],
            Testing.Cancel
        );
        Assert.True(pack.Results[0].Succeeded);
        Assert.IsType<ProductHuntQueryRejectedException>(pack.Results[1].Error);
        Assert.True(pack.Results[2].Succeeded);
        Assert.Equal(2, pack.Results[2].Batch.Posts.Count);
    }

    [Fact]
    public void Aliases_map_back_to_item_positions()
    {
        Generators
            .Item.List[1, 60]
            .Sample(
                items =>
                {
                    var document = PackBuilder.Build(items);
                    Assert.Equal(items.Count, document.Aliases.Count);
                    Assert.Equal(items.Count, document.Aliases.Distinct(StringComparer.Ordinal).Count());
                    for (var i = 0; i < items.Count; i++)
                    {
                        Assert.Equal(i, PackBuilder.IndexOf(document.Aliases[i]));
                    }

                    Assert.All(
                        document.Variables,
                        v => Assert.Contains($"${v.Name}", document.Query, StringComparison.Ordinal)
                    );
                    Assert.All(
                        document.Variables,
                        v =>
                            Assert.InRange(
                                PackBuilder.IndexOf(v.Name[..v.Name.IndexOf('_', StringComparison.Ordinal)]),
                                0,
                                items.Count - 1
                            )
                    );
                    Assert.Equal(
                        items.Count,
                        GraphQLParser
                            .Parser.Parse(document.Query)
                            .Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>()
                            .Single()
                            .SelectionSet.Selections.Count
                    );
                },
                iter: 200
            );
        Assert.Equal(-1, PackBuilder.IndexOf("a01"));
        Assert.Equal(-1, PackBuilder.IndexOf("b1"));
        Assert.Equal(-1, PackBuilder.IndexOf("a"));
    }

    [Fact]
    public async Task Walking_with_random_page_sizes_packed_together_reads_every_item_once_in_order()
    {
        using var client = Testing.Client(Simulator);
        var truth = new List<long>();
        WorkItem? next = new TopicsPage { First = 20 };
        while (next is not null)
        {
            var page = await RoundTripTests.RunAsync(client, next);
            truth.AddRange(page.Batch.Topics.Select(t => t.Id));
            next = page.Next;
        }

        await Gen.Int[1, 20]
            .Array[1, 4]
            .SampleAsync(
                async sizes =>
                {
                    var walks = sizes
                        .Select(s => (Next: (WorkItem?)new TopicsPage { First = s }, Seen: new List<long>()))
                        .ToArray();
                    while (walks.Any(w => w.Next is not null))
                    {
                        var active = walks.Where(w => w.Next is not null).ToList();
                        var pack = await client.ExecuteAsync([.. active.Select(w => w.Next!)], Testing.Cancel);
                        Assert.Equal(1, pack.Requests);
                        for (var i = 0; i < active.Count; i++)
                        {
                            var walk = Array.IndexOf(walks, active[i]);
                            walks[walk].Seen.AddRange(pack.Results[i].Batch.Topics.Select(t => t.Id));
                            walks[walk].Next = pack.Results[i].Next;
                        }
                    }

                    Assert.All(walks, w => Assert.Equal(truth, w.Seen));
                },
                iter: 8
            );
    }

    private static string Cursor(int offset) =>
        Convert.ToBase64String(
            System.Text.Encoding.ASCII.GetBytes(offset.ToString(System.Globalization.CultureInfo.InvariantCulture))
        );
}
