using Microsoft.Extensions.Logging;
using PHDB.Grains.Harvest.Events;

namespace PHDB.Grains.Harvest;

/// <summary>Publishes on the harvest event stream so that a stream which cannot take an event never fails the harvest.</summary>
public static partial class HarvestEventPublisher
{
    /// <summary>Publishes <paramref name="harvestEvent"/> through <paramref name="streams"/>; a failure is logged, not thrown.</summary>
    public static async Task TryPublishAsync(
        this Orleans.Streams.IStreamProvider streams,
        HarvestEvent harvestEvent,
        ILogger logger
    )
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(harvestEvent);
        try
        {
            await streams.GetStream<HarvestEvent>(HarvestEvents.Id).OnNextAsync(harvestEvent);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogPublishFailed(logger, harvestEvent.GetType().Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the harvest event {Event}")]
    private static partial void LogPublishFailed(ILogger logger, string @event, Exception exception);
}
