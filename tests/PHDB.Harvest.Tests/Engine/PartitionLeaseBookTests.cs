using PHDB.Grains.Harvest;

namespace PHDB.Harvest.Tests.Engine;

public sealed class PartitionLeaseBookTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(1);

    [Fact]
    public void Partitions_with_pages_of_their_own_are_leased_before_those_with_only_nested_work_in_line_order()
    {
        var book = Book("a", "b", "c", "d");
        book.RootRead("a");
        book.RootRead("c");

        Assert.Equal(["b", "d", "a"], book.Lease("w1", 3, Start, Open));
        Assert.Equal(["c"], book.Lease("w2", 3, Start, Open));
        Assert.Equal(4, book.Leased);
    }

    [Fact]
    public void A_leased_partition_goes_to_no_other_worker_until_it_is_returned()
    {
        var book = Book("a", "b");
        Assert.Equal(["a", "b"], book.Lease("w1", 2, Start, Open));

        Assert.Empty(book.Lease("w2", 2, Start, Open));
        book.Return("w1", ["a"], Open);

        Assert.Equal(["a"], book.Lease("w2", 2, Start, Open));
        Assert.Equal(2, book.Leased);
    }

    [Fact]
    public void An_expired_lease_goes_to_the_next_worker_and_its_late_return_does_not_take_it_back()
    {
        var book = Book("a");
        book.Lease("slow", 1, Start, Open);

        Assert.Empty(book.Lease("w2", 1, Start + LeaseDuration - TimeSpan.FromSeconds(1), Open));
        Assert.Equal(["a"], book.Lease("w2", 1, Start + LeaseDuration, Open));
        book.Return("slow", ["a"], Open);

        Assert.Equal(1, book.Leased);
        Assert.Empty(book.Lease("w3", 1, Start + LeaseDuration, Open));
    }

    [Fact]
    public void A_partition_without_work_is_not_offered_again()
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        bool IsOpen(string key) => !done.Contains(key);
        var book = Book("a", "b");
        book.Lease("w1", 2, Start, IsOpen);

        done.Add("a");
        book.Return("w1", ["a", "b"], IsOpen);

        Assert.Equal(["b"], book.Lease("w2", 2, Start, IsOpen));
        done.Add("b");
        Assert.Empty(book.Lease("w3", 2, Start + LeaseDuration, IsOpen));
        Assert.Equal(0, book.Leased);
    }

    [Fact]
    public void A_partition_offered_twice_is_leased_once()
    {
        var book = Book("a", "a", "b");

        Assert.Equal(["a", "b"], book.Lease("w1", 3, Start, Open));
        Assert.Empty(book.Lease("w2", 3, Start, Open));
    }

    [Fact]
    public void Clearing_forgets_leases_and_the_line()
    {
        var book = Book("a", "b");
        book.Lease("w1", 1, Start, Open);

        book.Clear();

        Assert.Equal(0, book.Leased);
        Assert.Empty(book.Lease("w2", 2, Start, Open));
    }

    private static PartitionLeaseBook Book(params string[] keys)
    {
        var book = new PartitionLeaseBook(LeaseDuration);
        foreach (var key in keys)
        {
            book.Offer(key);
        }

        return book;
    }

    private static bool Open(string key) => true;
}
