namespace PHDB.Grains.Harvest;

/// <summary>How far a post's open connection was read: rows and pages committed since it was opened.</summary>
[GenerateSerializer, Immutable, Alias("phdb.PostWalk")]
public sealed record PostWalk([property: Id(0)] int Nodes, [property: Id(1)] int Pages);
