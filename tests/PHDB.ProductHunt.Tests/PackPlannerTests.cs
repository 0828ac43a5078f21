using PHDB.Domain;

namespace PHDB.ProductHunt.Tests;

/// <summary>The packing plan alone: no server, only the complexity estimates and the cap.</summary>
public sealed class PackPlannerTests
{
    private const int MaxPageSize = 20;

    private static List<(int Index, WorkItem Item)> VotePages(int count, int first) =>
        [
            .. Enumerable
                .Range(0, count)
                .Select(i => (i, (WorkItem)new VotesPage(VoteSubject.Post, 1_000 + i) { First = first })),
        ];

    [Theory]
    [InlineData(500)]
    [InlineData(1_000)]
    [InlineData(10_000)]
    public void Every_request_planned_stays_within_the_budget_and_keeps_the_items_in_order(int cap)
    {
        var planner = new PackPlanner(new ComplexityModel(cap), MaxPageSize, maxAliasesPerRequest: 50);
        var items = VotePages(40, first: 20);

        var groups = planner.Plan(items);

        Assert.All(groups, g => Assert.True(g.Sum(e => planner.Cost(e.Item)) <= cap, $"a request over {cap}"));
        Assert.Equal([.. items.Select(e => e.Index)], [.. groups.SelectMany(g => g.Select(e => e.Index))]);
        Assert.True(groups.Count > 1 || cap == 10_000, $"{groups.Count} request(s) at a cap of {cap}");
    }

    [Fact]
    public void A_page_too_large_for_a_request_alone_is_shrunk_until_it_fits()
    {
        // A votes page of 20 is estimated at 87.
        var planner = new PackPlanner(new ComplexityModel(40), MaxPageSize, maxAliasesPerRequest: 50);

        var groups = planner.Plan(VotePages(1, first: 20));

        var (_, item) = Assert.Single(Assert.Single(groups));
        Assert.True(item.Size < 20, $"page of {item.Size}");
        Assert.True(planner.Cost(item) <= 40, $"cost {planner.Cost(item)}");
    }

    [Fact]
    public void No_request_carries_more_items_than_allowed()
    {
        var planner = new PackPlanner(new ComplexityModel(0), MaxPageSize, maxAliasesPerRequest: 7);

        var groups = planner.Plan(VotePages(20, first: 1));

        Assert.Equal([7, 7, 6], [.. groups.Select(g => g.Count)]);
    }

    [Fact]
    public void A_refused_pack_that_planning_cannot_change_is_halved_and_a_lone_page_shrunk()
    {
        // Nothing learned (no cap assumed): the plan stays one request, so a refusal halves it.
        var planner = new PackPlanner(new ComplexityModel(0), MaxPageSize, maxAliasesPerRequest: 50);
        var refusal = new ProductHuntComplexityException("too complex", [], complexity: 2_000, maxComplexity: 1_000);
        var pack = VotePages(6, first: 20);

        var halves = planner.Split(pack, refusal);
        var lone = planner.Split(VotePages(1, first: 20), refusal);

        Assert.Equal([3, 3], [.. halves.Select(h => h.Count)]);
        Assert.Equal(10, Assert.Single(Assert.Single(lone)).Item.Size);
    }
}
