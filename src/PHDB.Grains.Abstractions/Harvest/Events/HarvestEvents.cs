namespace PHDB.Grains.Harvest.Events;

/// <summary>Where harvest events are published: one stream of the <see cref="Provider"/> stream provider.</summary>
public static class HarvestEvents
{
    /// <summary>Name of the stream provider silos and clients register.</summary>
    public const string Provider = "harvest";

    /// <summary>The stream of all harvest events.</summary>
    public static readonly StreamId Id = StreamId.Create("harvest-events", "default");

    /// <summary>The event stream as seen through <paramref name="client"/>'s stream provider.</summary>
    public static Orleans.Streams.IAsyncStream<HarvestEvent> Get(IClusterClient client) =>
        client.GetStreamProvider(Provider).GetStream<HarvestEvent>(Id);
}
