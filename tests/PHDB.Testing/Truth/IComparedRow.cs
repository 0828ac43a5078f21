namespace PHDB.Testing.Truth;

/// <summary>
/// The compared fields of one row, the same shape on both sides: the truth's values mapped to what storage keeps,
/// and what the database holds. Rows compare by value; <see cref="Fields"/> names the differences.
/// </summary>
internal interface IComparedRow
{
    /// <summary>The compared fields in a fixed order, named as in the truth.</summary>
    IEnumerable<(string Field, object? Value)> Fields();
}
