namespace PHDB.Kaggle.Metadata;

/// <summary>Why metadata would be refused, naming the field (e.g. <c>subtitle</c>, <c>resources[3].path</c>).</summary>
public sealed record MetadataProblem(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
