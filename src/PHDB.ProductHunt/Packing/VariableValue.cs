namespace PHDB.ProductHunt;

/// <summary>A variable of a request: its name (without <c>$</c>), GraphQL type and value.</summary>
internal sealed record VariableValue(string Name, string Type, object Value);
