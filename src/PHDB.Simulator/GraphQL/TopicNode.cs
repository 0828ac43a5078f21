namespace PHDB.Simulator.GraphQL;

/// <summary>A topic as a GraphQL source object.</summary>
internal sealed record TopicNode(int Index);
