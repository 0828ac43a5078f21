namespace PHDB.ProductHunt;

/// <summary>Writes one work item as an aliased root field, declaring one variable per argument given (<c>$alias_argument</c>).</summary>
internal sealed class FieldWriter(string alias, List<VariableValue> variables)
{
    private readonly List<string> _arguments = [];
    private string _field = "";

    public string Alias { get; } = alias;

    public string Text { get; private set; } = "";

    public void Begin(string field)
    {
        _field = field;
        _arguments.Clear();
    }

    /// <summary>Adds <c>name: $alias_name</c> unless the value is null (an absent argument keeps its schema default).</summary>
    public void Argument(string name, string type, object? value)
    {
        if (Variable(name, type, value) is { } reference)
        {
            _arguments.Add($"{name}: {reference}");
        }
    }

    /// <summary>Declares a variable for a value and returns its reference, or null for a null value.</summary>
    public string? Variable(string name, string type, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var variable = $"{Alias}_{name}";
        variables.Add(new VariableValue(variable, type, value));
        return "$" + variable;
    }

    /// <summary>An argument list for a nested field, e.g. <c>first: $a0_first, after: $a0_after</c>.</summary>
    public string Arguments(params (string Name, string Type, object? Value)[] arguments) =>
        string.Join(
            ", ",
            arguments
                .Select(a => (a.Name, Reference: Variable(a.Name, a.Type, a.Value)))
                .Where(a => a.Reference is not null)
                .Select(a => $"{a.Name}: {a.Reference}")
        );

    public void End(string selection) =>
        Text =
            _arguments.Count == 0
                ? $"{Alias}: {_field} {selection}"
                : $"{Alias}: {_field}({string.Join(", ", _arguments)}) {selection}";
}
