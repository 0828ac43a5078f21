using PHDB.Storage;

namespace PHDB.Admin.Data;

/// <summary>The order of the topics table: a column and a direction; ties go by name, then id.</summary>
/// <param name="Column">The column sorted on.</param>
/// <param name="Descending">Largest (or last in the alphabet) first.</param>
public sealed record TopicOrder(TopicColumn Column, bool Descending)
{
    /// <summary>Most stored posts first, the reader's order.</summary>
    public static TopicOrder Default { get; } = new(TopicColumn.StoredPosts, Descending: true);

    /// <summary>
    /// The order after a click on <paramref name="column"/>: the same column flips its direction, another
    /// column starts ascending for the name and descending for counts.
    /// </summary>
    public TopicOrder Toggle(TopicColumn column) =>
        column == Column ? this with { Descending = !Descending } : new(column, column != TopicColumn.Name);

    /// <summary>The topics in this order.</summary>
    public IReadOnlyList<TopicSummary> Apply(IEnumerable<TopicSummary> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var ordered = Column switch
        {
            TopicColumn.Name => Sort(topics, t => t.Name, StringComparer.OrdinalIgnoreCase),
            TopicColumn.StoredPosts => Sort(topics, t => t.StoredPosts, Comparer<long>.Default),
            TopicColumn.PostsCount => Sort(topics, t => t.PostsCount ?? -1, Comparer<int>.Default),
            TopicColumn.Followers => Sort(topics, t => t.FollowersCount ?? -1, Comparer<int>.Default),
            _ => throw new InvalidOperationException($"Unknown column {Column}."),
        };
        return [.. ordered.ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Id)];
    }

    /// <summary>The <c>aria-sort</c> value of <paramref name="column"/>'s header.</summary>
    public string AriaSort(TopicColumn column) =>
        column != Column ? "none"
        : Descending ? "descending"
        : "ascending";

    private IOrderedEnumerable<TopicSummary> Sort<TKey>(
        IEnumerable<TopicSummary> topics,
        Func<TopicSummary, TKey> key,
        IComparer<TKey> comparer
    ) => Descending ? topics.OrderByDescending(key, comparer) : topics.OrderBy(key, comparer);
}
