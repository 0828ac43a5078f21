using PHDB.Grains.Harvest;
using PHDB.Grains.RateBudgets;
using PHDB.Operations;

namespace PHDB.Admin.Tests.Live;

public sealed class HarvestEtaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>One budget of the live API's shape: 62.5 requests per 900 s.</summary>
    private static readonly double RequestsPerSecond = 62.5 / 900;

    private static HarvestStatus Status(HarvestPhase phase) =>
        new(HarvestMode.Full, phase, 1, Now, null, 4, 2, 0, 1, null, null);

    /// <summary>The complexity of a page in these runs: every figure in pages is this many points.</summary>
    private const int PagePoints = 100;

    private static PartitionProgress Partition(
        string key,
        PartitionStatus status,
        long pages,
        int pending = 0,
        bool rootRead = false
    ) =>
        new(
            key,
            status,
            null,
            pages,
            pages * 20,
            pending,
            0,
            null,
            Now,
            RootExhausted: rootRead,
            Points: pages * PagePoints,
            PendingPoints: pending * PagePoints,
            RootPagePoints: PagePoints
        );

    private static HarvestPace Pace(long pages, TimeSpan span, long subjectsDone = 0) =>
        new(pages * PagePoints, span, subjectsDone);

    private static RateBudgetStatus Budget(int limit = 6_250, DateTimeOffset? lastUsed = null) =>
        new(limit, limit, null, null, 0, 0, 0, "…abcd", TimeSpan.FromMinutes(15), 100, lastUsed ?? Now.AddSeconds(-5));

    private static HarvestView View(HarvestPhase phase, double? itemsPerRequest, params RateBudgetStatus[] budgets) =>
        HarvestView.Empty with
        {
            Status = Status(phase),
            Partitions = Partitions(
                Partition("run1/posts/a", PartitionStatus.Done, 100),
                Partition("run1/posts/b", PartitionStatus.Running, 40),
                Partition("run1/posts/c", PartitionStatus.Pending, 0),
                Partition("run1/topics", PartitionStatus.Done, 15)
            ),
            Budgets = budgets.Select((b, i) => (b, i)).ToDictionary(x => $"app-{x.i}", x => x.b),
            ItemsPerRequest = itemsPerRequest,
            PointsPerRequest = itemsPerRequest * PagePoints,
            UpdatedAt = Now,
        };

    private static Dictionary<string, PartitionProgress> Partitions(params PartitionProgress[] partitions) =>
        partitions.ToDictionary(p => p.Key, StringComparer.Ordinal);

    [Fact]
    public void Pages_left_of_each_kind_over_the_pages_per_request_over_the_budgets_request_rate()
    {
        // Posts windows take 100 pages each: 60 + 100 left. One budget allows 62.5 requests per 900 s, 4 pages each.
        var eta = HarvestEta.Estimate(View(HarvestPhase.Running, 4, Budget()));
        Assert.Equal(160 / 4.0 / RequestsPerSecond, eta!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Two_budgets_halve_the_estimate()
    {
        var one = HarvestEta.Estimate(View(HarvestPhase.Running, 4, Budget()))!.Value;
        var two = HarvestEta.Estimate(View(HarvestPhase.Running, 4, Budget(), Budget()))!.Value;
        Assert.Equal(one.TotalSeconds / 2, two.TotalSeconds, 6);
    }

    [Fact]
    public void An_idle_budget_of_an_earlier_token_adds_no_pace()
    {
        var active = HarvestEta.Estimate(View(HarvestPhase.Running, 4, Budget()))!.Value;
        var withIdle = HarvestEta
            .Estimate(View(HarvestPhase.Running, 4, Budget(), Budget(lastUsed: Now.AddDays(-3))))!
            .Value;
        Assert.Equal(active, withIdle);
        Assert.Null(HarvestEta.Estimate(View(HarvestPhase.Running, 4, Budget(lastUsed: Now.AddDays(-3)))));

        // The idle period is the view's.
        var shortIdle = View(HarvestPhase.Running, 4, Budget(), Budget(lastUsed: Now.AddHours(-2))) with
        {
            IdleBudgetAfter = TimeSpan.FromHours(1),
        };
        Assert.Equal(active, HarvestEta.Estimate(shortIdle));
    }

    [Fact]
    public void Nothing_is_estimated_without_a_run_a_fetched_page_or_a_pace()
    {
        Assert.Null(HarvestEta.Estimate(View(HarvestPhase.Completed, 4, Budget())));
        Assert.Null(HarvestEta.Estimate(View(HarvestPhase.Running, 4)));
        var nothingFetched = View(HarvestPhase.Running, 4, Budget()) with
        {
            Partitions = Partitions(Partition("run1/posts/c", PartitionStatus.Pending, 0)),
        };
        Assert.Null(HarvestEta.Estimate(nothingFetched));
    }

    [Fact]
    public void The_pace_achieved_replaces_the_budgets_pace_once_watched_for_a_budget_window()
    {
        // 160 pages left; the budget allows 4 × 62.5 / 900 pages a second, the run achieved 0.1.
        var achieved = Pace(90, TimeSpan.FromMinutes(15));
        var watched = View(HarvestPhase.Running, 4, Budget()) with { Pace = achieved };
        Assert.Equal(1_600, HarvestEta.Estimate(watched)!.Value.TotalSeconds, 6);

        // Watched for a third of the window: a third of the achieved pace, two thirds of the budgets'.
        var briefly = watched with
        {
            Pace = Pace(30, TimeSpan.FromMinutes(5)),
        };
        var pace = (0.1 / 3) + (2 * 4 * RequestsPerSecond / 3);
        Assert.Equal(pace, HarvestEta.PointsPerSecond(briefly)!.Value / PagePoints, 9);
        Assert.Equal(160 / pace, HarvestEta.Estimate(briefly)!.Value.TotalSeconds, 6);

        // Without a budget in use, the pace achieved is all there is.
        Assert.Equal(
            1_600,
            HarvestEta
                .Estimate(watched with { Budgets = new Dictionary<string, RateBudgetStatus>() })!
                .Value.TotalSeconds,
            6
        );
    }

    [Fact]
    public void A_resumed_run_whose_small_partitions_ended_first_expects_the_rest_to_be_as_large_as_those_that_got_further()
    {
        // Before the restart the early, quiet posts windows ended with 2 pages each; the busy ones got to 50 and 80
        // pages and still have posts with comments and votes to read. The old estimate took every open window for a
        // 2-page one: a handful of pages, seconds at the budget's pace.
        var partitions = new List<PartitionProgress>
        {
            Partition("run1/topics", PartitionStatus.Done, 15, rootRead: true),
            Partition("run1/collections", PartitionStatus.Done, 3, rootRead: true),
        };
        partitions.AddRange(
            Enumerable.Range(0, 6).Select(i => Partition($"run1/posts/{i:00}", PartitionStatus.Done, 2, rootRead: true))
        );
        partitions.Add(Partition("run1/posts/50", PartitionStatus.Running, 50, pending: 30, rootRead: true));
        partitions.Add(Partition("run1/posts/51", PartitionStatus.Running, 80, pending: 10, rootRead: true));
        partitions.AddRange(
            Enumerable.Range(52, 4).Select(i => Partition($"run1/posts/{i}", PartitionStatus.Pending, 0))
        );

        var left = HarvestWorkLeft.Points(partitions)!.Value / PagePoints;

        // Posts windows need (6 × 2 + 50 + 80) / 8 ≥ 17.75 pages each; the open ones at least a page per post left.
        Assert.True(left >= 30 + 10 + (4 * 17.75), $"{left} pages left");
    }

    [Fact]
    public void An_open_partition_needs_a_page_per_subject_with_work_left_and_one_for_its_unread_connection()
    {
        var left = HarvestWorkLeft.Points([
            Partition("run1/posts/a", PartitionStatus.Done, 10, rootRead: true),
            Partition("run1/posts/b", PartitionStatus.Running, 10, pending: 25, rootRead: true),
            Partition("run1/posts/c", PartitionStatus.Running, 10, pending: 5),
        ]);
        Assert.Equal((25 + 6) * PagePoints, left);
    }

    [Fact]
    public void Subjects_with_work_left_take_as_many_pages_as_those_seen_to_finish()
    {
        // While watched, 10 posts finished their comments and votes in 80 pages: the 30 left take 240 more.
        var view = View(HarvestPhase.Running, 4, Budget()) with
        {
            Partitions = Partitions(
                Partition("run1/posts/a", PartitionStatus.Done, 1, rootRead: true),
                // Subjects without an estimate of their own (a state written before estimates were kept).
                Partition("run1/posts/b", PartitionStatus.Running, 100, pending: 30, rootRead: true) with
                {
                    PendingPoints = 0,
                }
            ),
            Pace = Pace(80, TimeSpan.FromMinutes(15), subjectsDone: 10),
        };
        Assert.Equal(240 / (80 / 900.0), HarvestEta.Estimate(view)!.Value.TotalSeconds, 6);

        // Two subjects seen to finish are too few to stand for the others: a page each.
        var few = view with
        {
            Pace = Pace(80, TimeSpan.FromMinutes(15), subjectsDone: 2),
        };
        Assert.Equal(30 / (80 / 900.0), HarvestEta.Estimate(few)!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void An_incremental_runs_one_page_checks_do_not_stand_for_its_whole_reads()
    {
        // The topics check took 1 page; the whole read of the topics is expected to take what a whole read took (15),
        // not what the check took.
        var view = View(HarvestPhase.Running, 1, Budget()) with
        {
            Partitions = Partitions(
                Partition("run2/topics/newest", PartitionStatus.Done, 1),
                Partition("run2/collections/newest", PartitionStatus.Done, 1),
                Partition("run2/topics", PartitionStatus.Pending, 0)
            ),
        };
        Assert.Equal(1 / RequestsPerSecond, HarvestEta.Estimate(view)!.Value.TotalSeconds, 6);
        var withHistory = view with
        {
            Partitions = new Dictionary<string, PartitionProgress>(view.Partitions)
            {
                ["run1/topics"] = Partition("run1/topics", PartitionStatus.Done, 15),
            },
        };
        Assert.Equal(15 / RequestsPerSecond, HarvestEta.Estimate(withHistory)!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Subjects_whose_counts_announce_their_pages_need_those_pages_rather_than_the_average()
    {
        // 30 posts left whose counts announce 400 pages; the 10 seen to finish took 8 each (240 for 30).
        var view = View(HarvestPhase.Running, 4, Budget()) with
        {
            Partitions = Partitions(
                Partition("run1/posts/a", PartitionStatus.Done, 1, rootRead: true),
                Partition("run1/posts/b", PartitionStatus.Running, 100, pending: 30, rootRead: true) with
                {
                    PendingPages = 400,
                    PendingPoints = 400 * PagePoints,
                    LongestChain = 20,
                }
            ),
            Pace = Pace(80, TimeSpan.FromMinutes(15), subjectsDone: 10),
        };
        // Then its longest connection's 20 pages, one a request (a request carries 4 pages' worth).
        Assert.Equal((400 + (20 * 4)) / (80 / 900.0), HarvestEta.Estimate(view)!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void The_longest_connection_left_takes_a_request_per_page_after_the_other_work()
    {
        // 60 pages left, 4 to a request at 2 pages a second: 30 s by the pages. Work is taken in the order it was
        // found, so one post's votes may need their 40 pages after it, one request after the other, at half a request
        // a second: 80 s more.
        var view = View(HarvestPhase.Running, 4, Budget()) with
        {
            Partitions = Partitions(
                Partition("run1/posts/a", PartitionStatus.Done, 1, rootRead: true),
                Partition("run1/posts/b", PartitionStatus.Running, 100, pending: 3, rootRead: true) with
                {
                    PendingPages = 60,
                    PendingPoints = 60 * PagePoints,
                    LongestChain = 40,
                }
            ),
            Budgets = new Dictionary<string, RateBudgetStatus>(),
            Pace = Pace(120, TimeSpan.FromMinutes(1)),
        };
        Assert.Equal(30 + 80, HarvestEta.Estimate(view)!.Value.TotalSeconds, 6);

        // A shorter chain adds less.
        var shortChain = view with
        {
            Partitions = Partitions(
                Partition("run1/posts/b", PartitionStatus.Running, 100, pending: 3, rootRead: true) with
                {
                    PendingPages = 60,
                    PendingPoints = 60 * PagePoints,
                    LongestChain = 10,
                }
            ),
        };
        Assert.Equal(30 + 20, HarvestEta.Estimate(shortChain)!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void A_run_slower_than_its_budgets_allow_for_a_whole_window_is_expected_to_stay_as_slow()
    {
        // A budget of 20 requests per 2 s allows 10 requests (40 pages) a second; the run reached 20 pages a second
        // over 30 s, held back by the machine: the 160 pages left take 8 s, not the 4 s the budget would allow.
        var budget = Budget(limit: 2_000) with
        {
            WindowLength = TimeSpan.FromSeconds(2),
        };
        var view = View(HarvestPhase.Running, 4, budget) with { Pace = Pace(600, TimeSpan.FromSeconds(30)) };
        Assert.Equal(8, HarvestEta.Estimate(view)!.Value.TotalSeconds, 6);

        // Watched for 5 s only, the run may still be starting (a resumed cluster activates its grains, meets the API's
        // open window): the budgets' pace weighs in until it was watched for 30 s.
        var starting = view with
        {
            Pace = Pace(100, TimeSpan.FromSeconds(5)),
        };
        Assert.Equal((20 / 6.0) + (40 * 5 / 6.0), HarvestEta.PointsPerSecond(starting)!.Value / PagePoints, 9);

        // Faster than the budgets allow (a window's burst), it is blended with their pace the same way.
        var bursting = view with
        {
            Pace = Pace(250, TimeSpan.FromSeconds(5)),
        };
        Assert.Equal((50 / 6.0) + (40 * 5 / 6.0), HarvestEta.PointsPerSecond(bursting)!.Value / PagePoints, 9);
    }

    [Fact]
    public void A_budget_hands_out_a_windows_requests_over_the_window_and_the_time_a_request_may_be_sent_late()
    {
        // 60 requests per 3 s, sent up to 0.75 s late: 16 a second, not 20.
        var budget = Budget(limit: 6_000) with
        {
            WindowLength = TimeSpan.FromSeconds(3),
            SendAllowance = TimeSpan.FromSeconds(0.75),
        };

        Assert.Equal(16, budget.RequestsPerSecond, 9);
        Assert.Equal(0, (budget with { CostPerRequest = 0 }).RequestsPerSecond);
        Assert.Equal(16 * 4, HarvestEta.PointsPerSecond(View(HarvestPhase.Running, 4, budget))!.Value / PagePoints, 9);
    }
}
