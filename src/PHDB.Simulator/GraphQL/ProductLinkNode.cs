namespace PHDB.Simulator.GraphQL;

/// <summary>A product link as a GraphQL source object.</summary>
internal sealed record ProductLinkNode(string Type, string Url);
