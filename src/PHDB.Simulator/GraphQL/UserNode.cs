namespace PHDB.Simulator.GraphQL;

/// <summary>A user as a GraphQL source object.</summary>
internal sealed record UserNode(int Index);
