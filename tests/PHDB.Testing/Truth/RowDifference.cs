namespace PHDB.Testing.Truth;

/// <summary>A row present on both sides (same key) whose compared fields differ.</summary>
/// <param name="Key">The row's key as <see cref="SetComparison"/> formats it.</param>
/// <param name="Fields">The fields that differ.</param>
public sealed record RowDifference(string Key, IReadOnlyList<FieldDifference> Fields)
{
    /// <inheritdoc />
    public override string ToString() => $"{Key} ({string.Join("; ", Fields)})";
}
