namespace PHDB.Simulator.GraphQL;

/// <summary>A collection as a GraphQL source object.</summary>
internal sealed record CollectionNode(int Index);
