namespace PHDB.Grains.Harvest;

/// <summary>
/// When a parked partition is retried by itself: after <see cref="HarvestOptions.ParkedRetryDelay"/>, doubled for each
/// retry the partition already had in the run, capped at <see cref="HarvestOptions.ParkedRetryMaxDelay"/>; never once
/// <see cref="HarvestOptions.ParkedRetries"/> are spent.
/// </summary>
public sealed class ParkedRetryPolicy(HarvestOptions options)
{
    /// <summary>
    /// The instant a partition parked at <paramref name="parkedAt"/> after <paramref name="retriesSoFar"/> automatic
    /// retries in this run is retried; null when its retries are spent (it stays parked).
    /// </summary>
    public DateTimeOffset? RetryAt(DateTimeOffset parkedAt, int retriesSoFar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retriesSoFar);
        if (retriesSoFar >= options.ParkedRetries)
        {
            return null;
        }

        var delay = options.ParkedRetryDelay;
        for (var i = 0; i < retriesSoFar && delay < options.ParkedRetryMaxDelay; i++)
        {
            delay += delay;
        }

        return parkedAt + (delay < options.ParkedRetryMaxDelay ? delay : options.ParkedRetryMaxDelay);
    }
}
