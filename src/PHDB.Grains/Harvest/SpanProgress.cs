namespace PHDB.Grains.Harvest;

/// <summary>
/// What the pages of a span (<see cref="SpanPage"/>) read so far: which of them, their rows, the newest row among them,
/// and the cursor the last page ended at. The connection's committed position moves only once every page is read.
/// </summary>
/// <param name="Start">The committed position the span reads on from.</param>
/// <param name="Pages">The span's pages.</param>
/// <param name="Read">The pages read, one bit each (page 0 the lowest).</param>
/// <param name="Nodes">Rows the pages read held.</param>
/// <param name="Newest">The newest row those pages held, where the connection's rows have an instant.</param>
/// <param name="NextAfter">The last page's cursor when it said more follows; null otherwise or before it was read.</param>
[GenerateSerializer, Immutable, Alias("phdb.SpanProgress")]
public sealed record SpanProgress(
    [property: Id(0)] int Start,
    [property: Id(1)] int Pages,
    [property: Id(2)] int Read = 0,
    [property: Id(3)] int Nodes = 0,
    [property: Id(4)] DateTimeOffset? Newest = null,
    [property: Id(5)] string? NextAfter = null
)
{
    /// <summary>Whether every page of the span was read.</summary>
    public bool Complete => Read == (1 << Pages) - 1;

    /// <summary>Whether page <paramref name="index"/> was read.</summary>
    public bool HasRead(int index) => (Read & (1 << index)) != 0;

    /// <summary>The progress once page <paramref name="index"/> is read; a page read before adds nothing.</summary>
    public SpanProgress With(int index, int nodes, DateTimeOffset? newest, string? nextAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Pages);
        if (HasRead(index))
        {
            return this;
        }

        return this with
        {
            Read = Read | (1 << index),
            Nodes = Nodes + nodes,
            Newest = newest is { } n && !(Newest >= n) ? n : Newest,
            NextAfter = index == Pages - 1 ? nextAfter : NextAfter,
        };
    }
}
