using GraphQL;

namespace PHDB.Simulator.GraphQL;

/// <summary>One page of a Relay connection over an offset-addressed list.</summary>
internal sealed class Connection
{
    public static readonly Connection Empty = new([], 0, 0, false, false);

    public Connection(IReadOnlyList<EdgeNode> edges, int total, int start, bool hasNextPage, bool hasPreviousPage)
    {
        Edges = edges;
        Total = total;
        Start = start;
        HasNextPage = hasNextPage;
        HasPreviousPage = hasPreviousPage;
    }

    public IReadOnlyList<EdgeNode> Edges { get; }

    public int Total { get; }

    public int Start { get; }

    public bool HasNextPage { get; }

    public bool HasPreviousPage { get; }

    /// <summary>Slices a list of <paramref name="total"/> items by the field's first/after/last/before arguments.</summary>
    public static Connection Create(IResolveFieldContext context, int total, Func<int, object> nodeAt)
    {
        var scope = RequestScope.Of(context);
        var max = scope.MaxPageSize;
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = ReadCursor(context, "after");
        var before = ReadCursor(context, "before");

        var start = Math.Min(after ?? 0, total);
        var end = before is int b and > 0 ? Math.Clamp(b - 1, start, total) : total;
        int pageStart = start,
            pageEnd;
        if (first is int f)
        {
            pageEnd = f <= 0 ? start : Math.Min(end, start + Math.Min(f, max));
        }
        else if (last is null)
        {
            pageEnd = Math.Min(end, start + max);
        }
        else
        {
            pageEnd = end;
        }

        if (last is int l)
        {
            pageStart = l <= 0 ? pageEnd : Math.Max(pageStart, pageEnd - Math.Min(l, max));
        }

        var edges = new EdgeNode[Math.Max(0, pageEnd - pageStart)];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new EdgeNode(nodeAt(pageStart + i), pageStart + i + 1);
        }

        var hasNext = last is null ? pageEnd < end : before is not null && pageEnd < total;
        var hasPrevious = pageStart > 0 && (after is not null || last is not null);
        return new Connection(edges, total, pageStart, hasNext, hasPrevious);
    }

    private static int? ReadCursor(IResolveFieldContext context, string name)
    {
        var cursor = context.GetArgument<string?>(name);
        if (cursor is null)
        {
            return null;
        }

        return OffsetCursor.Decode(cursor) ?? throw new ExecutionError($"Invalid input: \"{cursor}\"");
    }
}
