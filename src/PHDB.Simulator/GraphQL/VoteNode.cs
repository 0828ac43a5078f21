namespace PHDB.Simulator.GraphQL;

/// <summary>A vote as a GraphQL source object.</summary>
internal sealed record VoteNode(long Id, int CreatedAt, int UserIndex);
