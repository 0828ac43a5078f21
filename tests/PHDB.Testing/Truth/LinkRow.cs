namespace PHDB.Testing.Truth;

/// <summary>
/// A link's compared fields: none, except <see cref="Count"/> on the row that counts a post's redacted makers.
/// </summary>
internal sealed record LinkRow(int? Count = null) : IComparedRow
{
    public static readonly LinkRow Plain = new();

    public IEnumerable<(string Field, object? Value)> Fields() => [("count", Count)];
}
