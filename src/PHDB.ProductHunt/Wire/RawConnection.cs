using System.Text.Json;

namespace PHDB.ProductHunt.Wire;

/// <summary>A connection whose nodes are kept as raw JSON, so that each node is read (and possibly rejected) on its own.</summary>
internal sealed record RawConnection(List<JsonElement>? Nodes, PageInfoNode? PageInfo, int? TotalCount);
