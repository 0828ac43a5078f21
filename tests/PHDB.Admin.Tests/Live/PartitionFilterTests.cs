using PHDB.Admin.Live;
using PHDB.Grains.Harvest;

namespace PHDB.Admin.Tests.Live;

public sealed class PartitionFilterTests
{
    private static readonly PartitionProgress[] Partitions =
    [
        new("run2/topics", PartitionStatus.Done, null, 15, 300, 0, 0, null, null),
        new("run2/posts/2014", PartitionStatus.Running, "abc", 3, 60, 4, 2, "timeout", null),
        new("run2/posts/2015", PartitionStatus.Parked, "def", 1, 20, 1, 5, "HTTP 500", null),
        new("run2/collections", PartitionStatus.Pending, null, 0, 0, 0, 0, null, null),
    ];

    [Fact]
    public void Without_filters_everything_shows_parked_then_failing_first()
    {
        var shown = PartitionFilter.Apply(Partitions, "", null).Select(p => p.Key);
        Assert.Equal(["run2/posts/2015", "run2/posts/2014", "run2/collections", "run2/topics"], shown);
    }

    [Fact]
    public void Status_and_key_part_narrow_the_list()
    {
        Assert.Equal(
            ["run2/posts/2014"],
            PartitionFilter.Apply(Partitions, nameof(PartitionStatus.Running), null).Select(p => p.Key)
        );
        Assert.Equal(
            ["run2/posts/2015", "run2/posts/2014"],
            PartitionFilter.Apply(Partitions, null, " POSTS ").Select(p => p.Key)
        );
        Assert.Empty(PartitionFilter.Apply(Partitions, nameof(PartitionStatus.Done), "posts"));
    }
}
