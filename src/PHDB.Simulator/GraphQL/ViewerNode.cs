namespace PHDB.Simulator.GraphQL;

/// <summary>The viewer scope as a GraphQL source object.</summary>
internal sealed record ViewerNode(int UserIndex);
