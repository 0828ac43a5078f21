using PHDB.Testing;

namespace PHDB.Storage.Tests;

public sealed class FindingCountsTests(PostgresServer postgres)
{
    [Fact]
    public async Task Finding_counts_are_per_check_most_first_with_the_newest_finding_time()
    {
        await using var store = await TestStore.CreateAsync(postgres, "finding-counts");
        Assert.Empty(await store.Bookkeeping.GetFindingCountsAsync(TestContext.Current.CancellationToken));

        var first = store.Time.GetUtcNow();
        await store.Bookkeeping.RecordFindingsAsync(
            [
                new("posts", 1, "missing-topics", "no topics"),
                new("posts", 2, "missing-topics", "no topics"),
                new("comments", 7, "orphan", "post not harvested"),
                new("posts", 3, "blank-tagline", "empty tagline"),
            ],
            null,
            TestContext.Current.CancellationToken
        );
        store.Time.Advance(TimeSpan.FromMinutes(5));
        await store.Bookkeeping.RecordFindingsAsync(
            [
                new("posts", 4, "missing-topics", "no topics"),
                new("posts", 1, "missing-topics", "still no topics"),
                new("posts", 9, "orphan", "hunter not harvested"),
            ],
            null,
            TestContext.Current.CancellationToken
        );

        var counts = await store.Bookkeeping.GetFindingCountsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new QualityCheckCount("missing-topics", 3, first.AddMinutes(5)),
                new QualityCheckCount("orphan", 2, first.AddMinutes(5)),
                new QualityCheckCount("blank-tagline", 1, first),
            ],
            counts
        );
    }
}
