namespace PHDB.ProductHunt.Wire;

internal sealed record TopicConnectionNode(List<TopicNode?>? Nodes, PageInfoNode? PageInfo, int? TotalCount);
