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

    private static VotesPage Votes(int first, long id = 1) => new VotesPage(VoteSubject.Post, id) { First = first };

    private static List<(int Index, WorkItem Item)> Numbered(params WorkItem[] items) =>
        [.. items.Select((item, index) => (index, item))];

    /// <summary>The page sizes of each request, requests separated by a bar: "20 6 | 20".</summary>
    private static string Sizes(List<List<(int Index, WorkItem Item)>> groups) =>
        string.Join(" | ", groups.Select(g => string.Join(' ', g.Select(e => e.Item.Size))));

    /// <summary>The indices of each request's items, requests separated by a bar: "0 1 | 2".</summary>
    private static string Indices(List<List<(int Index, WorkItem Item)>> groups) =>
        string.Join(" | ", groups.Select(g => string.Join(' ', g.Select(e => e.Index))));

    [Fact]
    public void A_votes_page_is_estimated_at_seven_plus_four_per_vote()
    {
        var planner = new PackPlanner(new ComplexityModel(0), MaxPageSize, maxAliasesPerRequest: 50);

        Assert.Equal(7, planner.Cost(Votes(0)));
        Assert.Equal(11, planner.Cost(Votes(1)));
        Assert.Equal(87, planner.Cost(Votes(20)));
    }

    [Fact]
    public void A_page_larger_than_the_API_serves_is_asked_at_the_largest_page_and_smaller_pages_keep_their_size()
    {
        var planner = new PackPlanner(new ComplexityModel(0), MaxPageSize, maxAliasesPerRequest: 50);

        var groups = planner.Plan(Numbered(Votes(50), Votes(5), Votes(MaxPageSize)));

        Assert.Equal("20 5 20", Sizes(groups));
    }

    [Fact]
    public void A_page_whose_cost_is_exactly_the_budget_is_not_shrunk()
    {
        var planner = new PackPlanner(new ComplexityModel(87), MaxPageSize, maxAliasesPerRequest: 50);

        var groups = planner.Plan(Numbered(Votes(20)));

        Assert.Equal("20", Sizes(groups));
    }

    [Theory]
    [InlineData(40, 8)]
    [InlineData(60, 13)]
    [InlineData(86, 19)]
    [InlineData(15, 2)]
    [InlineData(11, 1)]
    public void A_page_too_large_for_the_budget_is_shrunk_to_the_largest_size_that_fits(int cap, int size)
    {
        var planner = new PackPlanner(new ComplexityModel(cap), MaxPageSize, maxAliasesPerRequest: 50);

        var groups = planner.Plan(Numbered(Votes(20)));

        Assert.Equal($"{size}", Sizes(groups));
    }

    [Fact]
    public void Pages_that_fit_no_budget_are_asked_one_item_at_a_time_each_in_its_own_request()
    {
        // A votes page of 1 is estimated at 11, over the cap of 5.
        var planner = new PackPlanner(new ComplexityModel(5), MaxPageSize, maxAliasesPerRequest: 50);

        var groups = planner.Plan(Numbered(Votes(20, id: 1), Votes(20, id: 2)));

        Assert.Equal("1 | 1", Sizes(groups));
        Assert.Equal("0 | 1", Indices(groups));
    }

    [Fact]
    public void A_lookup_over_the_budget_is_sent_alone_and_unchanged()
    {
        var lookup = new PostLookup(Id: 7);
        var cost = new PackPlanner(new ComplexityModel(0), MaxPageSize, maxAliasesPerRequest: 50).Cost(lookup);
        var planner = new PackPlanner(new ComplexityModel(cost - 1), MaxPageSize, maxAliasesPerRequest: 50);

        var groups = planner.Plan(Numbered(lookup, lookup));

        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.Equal(lookup, Assert.Single(g).Item));
    }

    [Fact]
    public void Pages_whose_costs_add_up_exactly_to_the_budget_share_a_request()
    {
        var planner = new PackPlanner(new ComplexityModel(2 * 87), MaxPageSize, maxAliasesPerRequest: 50);

        var groups = planner.Plan(Numbered(Votes(20, id: 1), Votes(20, id: 2), Votes(20, id: 3)));

        Assert.Equal("20 20 | 20", Sizes(groups));
    }

    [Theory]
    [InlineData(87 + 31, 6)] // room for exactly 6 votes (7 + 4 × 6 = 31)
    [InlineData(87 + 33, 6)]
    [InlineData(87 + 27, 5)] // room for exactly the minimum of 5
    public void A_page_that_overflows_a_request_is_shrunk_to_fill_it_when_at_least_five_items_fit(int cap, int fill)
    {
        var planner = new PackPlanner(new ComplexityModel(cap), MaxPageSize, maxAliasesPerRequest: 50);

        var groups = planner.Plan(Numbered(Votes(20, id: 1), Votes(20, id: 2), Votes(20, id: 3)));

        Assert.Equal($"20 {fill} | 20", Sizes(groups));
        Assert.Equal("0 1 | 2", Indices(groups));
    }

    [Fact]
    public void A_page_that_overflows_a_request_with_room_for_fewer_than_five_items_starts_the_next_request_whole()
    {
        // Room for 4 votes (7 + 4 × 4 = 23) after a page of 20.
        var planner = new PackPlanner(new ComplexityModel(87 + 26), MaxPageSize, maxAliasesPerRequest: 50);

        var groups = planner.Plan(Numbered(Votes(20, id: 1), Votes(20, id: 2)));

        Assert.Equal("20 | 20", Sizes(groups));
    }

    [Fact]
    public void A_small_page_that_overflows_a_request_is_not_shrunk()
    {
        // Room for 3 votes (7 + 4 × 3 = 19) after a page of 20; the next page asks only 4.
        var planner = new PackPlanner(new ComplexityModel(87 + 19), MaxPageSize, maxAliasesPerRequest: 50);

        var groups = planner.Plan(Numbered(Votes(20, id: 1), Votes(4, id: 2)));

        Assert.Equal("20 | 4", Sizes(groups));
    }

    [Fact]
    public void A_request_already_holding_as_many_items_as_allowed_does_not_shrink_the_next_page()
    {
        var planner = new PackPlanner(new ComplexityModel(87 + 31), MaxPageSize, maxAliasesPerRequest: 1);

        var groups = planner.Plan(Numbered(Votes(20, id: 1), Votes(20, id: 2)));

        Assert.Equal("20 | 20", Sizes(groups));
    }

    [Fact]
    public void Planning_nothing_gives_no_requests()
    {
        var planner = new PackPlanner(new ComplexityModel(1_000), MaxPageSize, maxAliasesPerRequest: 50);

        Assert.Empty(planner.Plan([]));
    }

    [Fact]
    public void A_refused_pack_is_replanned_under_the_cap_the_refusal_stated()
    {
        var model = new ComplexityModel(0);
        var planner = new PackPlanner(model, MaxPageSize, maxAliasesPerRequest: 50);
        var refusal = new ProductHuntComplexityException("too complex", [], complexity: 348, maxComplexity: 174);
        model.Refused(estimate: 348, serverComplexity: 348, serverCap: 174);

        var groups = planner.Split(VotePages(4, first: 20), refusal);

        Assert.Equal("20 20 | 20 20", Sizes(groups));
    }

    [Fact]
    public void A_refused_lone_page_is_replanned_to_the_largest_size_under_the_learned_cap()
    {
        var model = new ComplexityModel(0);
        var planner = new PackPlanner(model, MaxPageSize, maxAliasesPerRequest: 50);
        var refusal = new ProductHuntComplexityException("too complex", [], complexity: 87, maxComplexity: 40);
        model.Refused(estimate: 87, serverComplexity: 87, serverCap: 40);

        var groups = planner.Split(VotePages(1, first: 20), refusal);

        // The plan under the cap of 40 asks 8 votes (cost 39), not the 20 × 40 / 87 = 9 the refusal's ratio gives.
        Assert.Equal("8", Sizes(groups));
    }

    [Fact]
    public void A_refused_pack_whose_replan_only_shrinks_its_last_page_keeps_that_plan()
    {
        var model = new ComplexityModel(0);
        var planner = new PackPlanner(model, MaxPageSize, maxAliasesPerRequest: 50);
        var refusal = new ProductHuntComplexityException("too complex", [], complexity: 174, maxComplexity: 118);
        model.Refused(estimate: 174, serverComplexity: 174, serverCap: 87 + 31);

        var groups = planner.Split(VotePages(2, first: 20), refusal);

        Assert.Equal("20 6", Sizes(groups));
    }

    [Fact]
    public void A_refused_pack_of_an_odd_count_is_halved_with_the_larger_half_last()
    {
        var planner = new PackPlanner(new ComplexityModel(0), MaxPageSize, maxAliasesPerRequest: 50);
        var refusal = new ProductHuntComplexityException("too complex", [], complexity: 2_000, maxComplexity: 1_000);
        var pack = VotePages(5, first: 20);

        var halves = planner.Split(pack, refusal);

        Assert.Equal("0 1 | 2 3 4", Indices(halves));
    }

    [Theory]
    [InlineData(4_000, 1_000, 5)]
    [InlineData(500, 1_000, 19)] // a refusal under its own cap still shrinks the page
    [InlineData(0, 1_000, 19)] // no count stated
    [InlineData(100_000, 10, 1)]
    public void A_refused_lone_page_is_shrunk_by_the_ratio_of_the_cap_to_the_server_count(
        int complexity,
        int maxComplexity,
        int size
    )
    {
        var planner = new PackPlanner(new ComplexityModel(0), MaxPageSize, maxAliasesPerRequest: 50);
        var refusal = new ProductHuntComplexityException("too complex", [], complexity, maxComplexity);

        var groups = planner.Split(VotePages(1, first: 20), refusal);

        Assert.Equal($"{size}", Sizes(groups));
    }

    [Fact]
    public void A_refused_lone_lookup_or_page_of_one_is_returned_as_it_was()
    {
        var planner = new PackPlanner(new ComplexityModel(0), MaxPageSize, maxAliasesPerRequest: 50);
        var refusal = new ProductHuntComplexityException("too complex", [], complexity: 2_000, maxComplexity: 1_000);
        List<(int Index, WorkItem Item)> lookup = [(3, new PostLookup(Id: 7))];
        List<(int Index, WorkItem Item)> page = [(4, Votes(1))];

        Assert.Equal([lookup], planner.Split(lookup, refusal));
        Assert.Equal([page], planner.Split(page, refusal));
    }

    [Fact]
    public void Costs_are_remembered_per_kind_page_size_and_reply_depth()
    {
        var planner = new PackPlanner(new ComplexityModel(0), MaxPageSize, maxAliasesPerRequest: 50);
        WorkItem[] items =
        [
            new PostCommentsPage(1) { First = 10, RepliesFirst = 0 },
            new PostCommentsPage(2) { First = 10, RepliesFirst = 3 },
            new PostCommentsPage(3) { First = 5, RepliesFirst = 3 },
            Votes(10),
        ];

        var costs = items.Select(planner.Cost).ToList();
        var again = items.Select(planner.Cost).ToList();
        var fresh = items
            .Select(i => new PackPlanner(new ComplexityModel(0), MaxPageSize, maxAliasesPerRequest: 50).Cost(i))
            .ToList();

        Assert.Equal(fresh, costs);
        Assert.Equal(fresh, again);
        Assert.Equal(4, costs.Distinct().Count());
    }
}
