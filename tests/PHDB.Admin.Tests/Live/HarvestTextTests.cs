using PHDB.Grains.Harvest;
using PHDB.Grains.Harvest.Events;
using PHDB.Operations;

namespace PHDB.Admin.Tests.Live;

public sealed class HarvestTextTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(41.2, "42 s")]
    [InlineData(125, "2 min 05 s")]
    [InlineData(3_900, "1 h 05 min")]
    [InlineData(90_000, "1 d 01 h")]
    [InlineData(-5, "0 s")]
    public void Durations_show_their_two_largest_units(double seconds, string expected) =>
        Assert.Equal(expected, HarvestText.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Events_and_phases_read_as_sentences()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.Equal(
            "Run 3 (incremental) failed: 2 partition(s) parked",
            HarvestText.Describe(new HarvestFailed(at, 3, HarvestMode.Incremental, "2 partition(s) parked"))
        );
        Assert.Equal(
            "429 for app-1: budget resets in 1 min 30 s",
            HarvestText.Describe(new RateLimitHit(at, "app-1", TimeSpan.FromSeconds(90)))
        );
        Assert.Equal(
            "Paused (full)",
            HarvestText.Phase(
                new HarvestStatus(HarvestMode.Full, HarvestPhase.Paused, 1, at, null, 1, 0, 0, 0, null, null)
            )
        );
        Assert.Equal("1,234,567", HarvestText.Count(1_234_567));
        Assert.Equal("–", HarvestText.Count(null));
    }
}
