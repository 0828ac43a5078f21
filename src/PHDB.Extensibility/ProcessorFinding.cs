namespace PHDB.Extensibility;

/// <summary>
/// Something a processor found about a post or a comment, stored beside PHDB's own quality findings (one row per
/// entity and check: finding it again updates it).
/// </summary>
/// <param name="Entity"><see cref="Post"/> or <see cref="Comment"/>.</param>
/// <param name="EntityId">The post's or comment's id, from the batch.</param>
/// <param name="Check">What found it, e.g. <c>keyword:ai</c>; at most <see cref="MaxCheckLength"/> characters.</param>
/// <param name="Detail">What exactly was found; at most <see cref="MaxDetailLength"/> characters.</param>
public sealed record ProcessorFinding(string Entity, long EntityId, string Check, string Detail)
{
    /// <summary>The entity kind of a post.</summary>
    public const string Post = "post";

    /// <summary>The entity kind of a comment.</summary>
    public const string Comment = "comment";

    /// <summary>Longest check name kept.</summary>
    public const int MaxCheckLength = 100;

    /// <summary>Longest detail kept.</summary>
    public const int MaxDetailLength = 1_000;
}
