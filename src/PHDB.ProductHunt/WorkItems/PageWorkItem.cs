using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>A page of a connection, continued by <see cref="WorkResult.Next"/>.</summary>
public abstract record PageWorkItem : WorkItem
{
    private protected PageWorkItem() { }

    /// <summary>The cursor after which the page starts; null for the first page.</summary>
    public string? After { get; init; }

    /// <summary>The API's largest page.</summary>
    public const int FullPage = 20;

    /// <summary>Items asked for (the API returns at most <see cref="FullPage"/>).</summary>
    public int First { get; init; } = FullPage;

    internal override int? Size => First;

    internal override WorkItem WithFirst(int first) => this with { First = first };

    /// <summary>Maps a connection's page: each node on its own, then page info and the next item.</summary>
    private protected void MapPage<T>(
        JsonElement connection,
        ResultBuilder result,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        Action<T, string> map
    )
        where T : class
    {
        var raw = ResultBuilder.Read(connection, WireJsonContext.Default.RawConnection, "");
        if (raw?.Nodes is null || raw.PageInfo?.HasNextPage is null)
        {
            throw new DataValidationException("nodes/pageInfo", null, "a connection without nodes or page info");
        }

        for (var i = 0; i < raw.Nodes.Count; i++)
        {
            result.Node(raw.Nodes[i], $"nodes[{i}]", type, map);
        }

        result.Page(raw.PageInfo.EndCursor, raw.PageInfo.HasNextPage.Value, raw.TotalCount, raw.Nodes.Count);
        result.Next =
            raw.PageInfo.HasNextPage.Value && raw.PageInfo.EndCursor is { } cursor && raw.Nodes.Count > 0
                ? this with
                {
                    After = cursor,
                }
                : null;
    }

    private protected const string PageSelection = "pageInfo { ...PageFields } totalCount";
}
