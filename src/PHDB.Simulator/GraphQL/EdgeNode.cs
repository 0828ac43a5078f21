namespace PHDB.Simulator.GraphQL;

/// <summary>A connection edge.</summary>
internal sealed record EdgeNode(object Node, int Position);
