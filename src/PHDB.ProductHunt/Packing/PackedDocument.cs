namespace PHDB.ProductHunt;

/// <summary>A packed request: one query with one aliased root field per work item.</summary>
internal sealed record PackedDocument(
    string Query,
    IReadOnlyList<VariableValue> Variables,
    IReadOnlyList<string> Aliases
)
{
    public IReadOnlyDictionary<string, int> IntVariables =>
        Variables.Where(v => v.Value is int).ToDictionary(v => v.Name, v => (int)v.Value, StringComparer.Ordinal);
}
