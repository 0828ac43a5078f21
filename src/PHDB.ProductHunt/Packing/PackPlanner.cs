namespace PHDB.ProductHunt;

/// <summary>
/// Plans work items into requests under the complexity budget the <see cref="ComplexityModel"/> learned, and splits
/// a request the server refused for complexity. Costs are estimated per kind of item and page size, and cached.
/// Thread-safe.
/// </summary>
/// <param name="complexity">The learned complexity cap and the budget it leaves a request.</param>
/// <param name="maxPageSize">The largest page the API serves.</param>
/// <param name="maxAliasesPerRequest">The most items one request carries.</param>
public sealed class PackPlanner(ComplexityModel complexity, int maxPageSize, int maxAliasesPerRequest)
{
    /// <summary>
    /// Greedy packing: items in order, each shrunk to fit the budget alone, added while the sum stays within it; a
    /// page that does not fit what is left of a request is shrunk to fill it when at least a few of its items fit.
    /// </summary>
    public List<List<(int Index, WorkItem Item)>> Plan(List<(int Index, WorkItem Item)> items)
    {
        var budget = complexity.Budget;
        var groups = new List<List<(int, WorkItem)>>();
        var current = new List<(int, WorkItem)>();
        var used = 0;
        foreach (var (index, original) in items)
        {
            var item = original.Size is { } size && size > maxPageSize ? original.WithFirst(maxPageSize) : original;
            var cost = Cost(item);
            while (cost > budget && item.Size is { } s && s > 1)
            {
                // cost > budget, so s × budget / cost < s: every step asks fewer items.
                item = item.WithFirst(Math.Max(1, (int)((long)s * budget / cost)));
                cost = Cost(item);
            }

            // A page that does not fit what is left of this request is shrunk to fill it, when at least a few items fit.
            if (
                current.Count > 0
                && used + cost > budget
                && current.Count < maxAliasesPerRequest
                && item.Size is { } full
            )
            {
                var smaller = Fit(item, budget - used);
                if (smaller.Size is { } fitted && fitted >= Math.Min(full, MinimumFill))
                {
                    item = smaller;
                    cost = Cost(item);
                }
            }

            if (current.Count > 0 && (used + cost > budget || current.Count >= maxAliasesPerRequest))
            {
                groups.Add(current);
                current = [];
                used = 0;
            }

            current.Add((index, item));
            used += cost;
        }

        if (current.Count > 0)
        {
            groups.Add(current);
        }

        return groups;
    }

    private const int MinimumFill = 5;

    /// <summary>The largest page of <paramref name="item"/> whose cost fits <paramref name="room"/>, or the item with size 0 when none does.</summary>
    private WorkItem Fit(WorkItem item, int room)
    {
        if (item.Size is not { } size)
        {
            return item;
        }

        for (var first = size; first >= 1; first--)
        {
            var candidate = item.WithFirst(first);
            if (Cost(candidate) <= room)
            {
                return candidate;
            }
        }

        return item.WithFirst(0);
    }

    /// <summary>After a refusal: re-plan with what was learned, or halve the pack, or shrink a lone page.</summary>
    public List<List<(int Index, WorkItem Item)>> Split(
        List<(int Index, WorkItem Item)> group,
        ProductHuntComplexityException refusal
    )
    {
        var planned = Plan(group);
        if (planned.Count > 1 || planned.Count == 1 && planned[0].Zip(group).Any(p => p.First.Item != p.Second.Item))
        {
            return planned;
        }

        if (group.Count > 1)
        {
            var half = group.Count / 2;
            return [group[..half], group[half..]];
        }

        var (index, item) = group[0];
        if (item.Size is { } size && size > 1)
        {
            var smaller = Math.Max(
                1,
                Math.Min(size - 1, (int)((long)size * refusal.MaxComplexity / Math.Max(1, refusal.Complexity)))
            );
            return
            [
                [(index, item.WithFirst(smaller))],
            ];
        }

        return [group];
    }

    /// <summary>The estimated complexity of one item as an alias (depends only on its kind and page sizes).</summary>
    public int Cost(WorkItem item) => WorkItemComplexity.Of(item, maxPageSize);
}
