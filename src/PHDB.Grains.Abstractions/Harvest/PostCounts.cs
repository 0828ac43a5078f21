namespace PHDB.Grains.Harvest;

/// <summary>A post's counts at one observation.</summary>
[GenerateSerializer, Immutable, Alias("phdb.PostCounts")]
public sealed record PostCounts(
    [property: Id(0)] int Comments,
    [property: Id(1)] int Votes,
    [property: Id(2)] DateTimeOffset ObservedAt
);
