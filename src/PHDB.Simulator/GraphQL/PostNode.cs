namespace PHDB.Simulator.GraphQL;

/// <summary>A post as a GraphQL source object.</summary>
internal sealed record PostNode(int Index);
