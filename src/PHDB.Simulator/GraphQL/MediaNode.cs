namespace PHDB.Simulator.GraphQL;

/// <summary>A media item as a GraphQL source object.</summary>
internal sealed record MediaNode(string Type, string BaseUrl, string? VideoUrl);
