using PHDB.Storage;

namespace PHDB.Admin.Data;

/// <summary>Where a data-quality finding links to in the console.</summary>
public static class QualityFindingLinks
{
    /// <summary>The entity name of findings about posts.</summary>
    public const string PostsEntity = "posts";

    /// <summary>The post page of a finding about a post, or <see langword="null"/> for other entities.</summary>
    public static string? PostHref(QualityFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return string.Equals(finding.Entity, PostsEntity, StringComparison.Ordinal)
            ? PostLinks.Post(finding.EntityId)
            : null;
    }
}
