namespace PHDB.Grains.Harvest.Events;

/// <summary>Something that happened in a harvest, published on the harvest event stream.</summary>
/// <param name="At">When it happened.</param>
[GenerateSerializer, Immutable, Alias("phdb.HarvestEvent")]
public abstract record HarvestEvent([property: Id(0)] DateTimeOffset At);
