namespace PHDB.Grains.Harvest;

/// <summary>
/// One of several pages of a connection read side by side: the span starts after the connection's committed position
/// <paramref name="Start"/> and covers <paramref name="Pages"/> full pages; this one is page <paramref name="Index"/>.
/// </summary>
/// <param name="Start">The committed position the span reads on from (0 at the connection's start).</param>
/// <param name="Index">The page's place in the span, from 0.</param>
/// <param name="Pages">The span's pages.</param>
[GenerateSerializer, Immutable, Alias("phdb.SpanPage")]
public sealed record SpanPage([property: Id(0)] int Start, [property: Id(1)] int Index, [property: Id(2)] int Pages);
