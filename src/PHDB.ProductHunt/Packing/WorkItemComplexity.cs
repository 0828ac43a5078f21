using System.Collections.Concurrent;

namespace PHDB.ProductHunt;

/// <summary>
/// The estimated complexity of one work item as an alias of a request (<see cref="ComplexityEstimator"/>): it depends
/// only on the item's kind and page sizes, so it is computed once per kind and size and cached. Thread-safe.
/// </summary>
public static class WorkItemComplexity
{
    private static readonly ConcurrentDictionary<(Type Kind, int? Size, int Replies, int MaxPageSize), int> Costs =
        new();

    /// <summary>The complexity <paramref name="item"/> adds to a request.</summary>
    /// <param name="item">The work item.</param>
    /// <param name="maxPageSize">The API's largest page.</param>
    public static int Of(WorkItem item, int maxPageSize = PageWorkItem.FullPage)
    {
        ArgumentNullException.ThrowIfNull(item);
        var replies = item switch
        {
            PostCommentsPage c => c.RepliesFirst,
            PostCommentTalliesPage t => t.RepliesFirst,
            _ => 0,
        };
        var key = (item.GetType(), item.Size, replies, maxPageSize);
        return Costs.GetOrAdd(
            key,
            static (_, state) =>
            {
                var document = PackBuilder.Build([state.Item]);
                return ComplexityEstimator.Estimate(document.Query, document.IntVariables, state.MaxPageSize);
            },
            (Item: item, MaxPageSize: maxPageSize)
        );
    }
}
