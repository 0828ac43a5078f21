using PHDB.Grains.Harvest;

namespace PHDB.Harvest.Tests.Faults;

public sealed class ParkedRetryPolicyTests
{
    private static readonly DateTimeOffset ParkedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ParkedRetryPolicy Policy(int retries = 20) =>
        new(
            new HarvestOptions
            {
                ParkedRetryDelay = TimeSpan.FromMinutes(1),
                ParkedRetryMaxDelay = TimeSpan.FromMinutes(15),
                ParkedRetries = retries,
            }
        );

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 15)]
    [InlineData(19, 15)]
    public void The_wait_doubles_with_each_retry_up_to_the_cap(int retriesSoFar, int minutes) =>
        Assert.Equal(ParkedAt.AddMinutes(minutes), Policy().RetryAt(ParkedAt, retriesSoFar));

    [Fact]
    public void A_partition_whose_retries_are_spent_stays_parked() => Assert.Null(Policy(3).RetryAt(ParkedAt, 3));

    [Fact]
    public void Zero_retries_turns_automatic_retries_off() => Assert.Null(Policy(0).RetryAt(ParkedAt, 0));
}
