using PHDB.Grains.Harvest;
using PHDB.Grains.RateBudgets;
using PHDB.Operations;

namespace PHDB.Admin.Tests.Live;

public sealed class HarvestEtaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static HarvestStatus Status(HarvestPhase phase) =>
        new(HarvestMode.Full, phase, 1, Now, null, 4, 2, 0, 1, null, null);

    private static PartitionProgress Partition(string key, PartitionStatus status, long pages) =>
        new(key, status, null, pages, pages * 20, 0, 0, null, Now);

    private static RateBudgetStatus Budget(int limit = 6_250) =>
        new(limit, limit, null, null, 0, 0, 0, "…abcd", TimeSpan.FromMinutes(15), 100);

    private static HarvestView View(HarvestPhase phase, double? itemsPerRequest, params RateBudgetStatus[] budgets) =>
        HarvestView.Empty with
        {
            Status = Status(phase),
            Partitions = new Dictionary<string, PartitionProgress>
            {
                ["run1/posts/a"] = Partition("run1/posts/a", PartitionStatus.Done, 100),
                ["run1/posts/b"] = Partition("run1/posts/b", PartitionStatus.Running, 40),
                ["run1/posts/c"] = Partition("run1/posts/c", PartitionStatus.Pending, 0),
                ["run1/topics"] = Partition("run1/topics", PartitionStatus.Done, 15),
            },
            Budgets = budgets.Select((b, i) => (b, i)).ToDictionary(x => $"app-{x.i}", x => x.b),
            ItemsPerRequest = itemsPerRequest,
        };

    [Fact]
    public void Pages_left_of_each_kind_over_the_pages_per_request_over_the_budgets_request_rate()
    {
        // Posts windows take 100 pages each: 60 + 100 left. One budget allows 62.5 requests per 900 s, 4 pages each.
        var eta = HarvestEta.Estimate(View(HarvestPhase.Running, 4, Budget()));
        Assert.Equal(TimeSpan.FromSeconds(160 / 4.0 / (62.5 / 900)), eta);
    }

    [Fact]
    public void Two_budgets_halve_the_estimate()
    {
        var one = HarvestEta.Estimate(View(HarvestPhase.Running, 4, Budget()))!.Value;
        var two = HarvestEta.Estimate(View(HarvestPhase.Running, 4, Budget(), Budget()))!.Value;
        Assert.Equal(one / 2, two);
    }

    [Fact]
    public void Nothing_is_estimated_without_a_run_a_done_partition_or_a_budget()
    {
        Assert.Null(HarvestEta.Estimate(View(HarvestPhase.Completed, 4, Budget())));
        Assert.Null(HarvestEta.Estimate(View(HarvestPhase.Running, 4)));
        var nothingDone = View(HarvestPhase.Running, 4, Budget()) with
        {
            Partitions = new Dictionary<string, PartitionProgress>
            {
                ["run1/posts/c"] = Partition("run1/posts/c", PartitionStatus.Pending, 0),
            },
        };
        Assert.Null(HarvestEta.Estimate(nothingDone));
    }

    [Fact]
    public void An_incremental_runs_one_page_checks_do_not_stand_for_its_whole_reads()
    {
        // The topics check took 1 page; the whole read of the topics is expected to take what a whole read took (15),
        // not what the check took.
        var view = View(HarvestPhase.Running, 1, Budget()) with
        {
            Partitions = new Dictionary<string, PartitionProgress>
            {
                ["run2/topics/newest"] = Partition("run2/topics/newest", PartitionStatus.Done, 1),
                ["run2/collections/newest"] = Partition("run2/collections/newest", PartitionStatus.Done, 1),
                ["run2/topics"] = Partition("run2/topics", PartitionStatus.Pending, 0),
            },
        };
        var overall = HarvestEta.Estimate(view);
        Assert.Equal(TimeSpan.FromSeconds(1 / (62.5 / 900)), overall);
        var withHistory = view with
        {
            Partitions = new Dictionary<string, PartitionProgress>(view.Partitions)
            {
                ["run1/topics"] = Partition("run1/topics", PartitionStatus.Done, 15),
            },
        };
        Assert.Equal(TimeSpan.FromSeconds(15 / (62.5 / 900)), HarvestEta.Estimate(withHistory));
    }
}
