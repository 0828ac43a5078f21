namespace PHDB.Testing.Truth;

/// <summary>One compared field whose value in the database is not the value the truth implies.</summary>
/// <param name="Field">The field, named as in the truth (<c>votesCount</c>, <c>hunter</c>, …).</param>
/// <param name="Truth">The expected value, formatted (<c>null</c> for none).</param>
/// <param name="Database">The stored value, formatted the same way.</param>
public sealed record FieldDifference(string Field, string Truth, string Database)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: truth {Truth}, database {Database}";
}
