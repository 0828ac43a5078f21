using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PHDB.ProductHunt;

/// <summary>Builds packed requests: alias <c>a{i}</c> for the i-th item, variables <c>a{i}_{argument}</c>.</summary>
internal static class PackBuilder
{
    public const string OperationName = "Pack";

    public static string Alias(int index) => "a" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The index of the item an alias stands for, or -1 when it is not one of ours.</summary>
    public static int IndexOf(string alias) =>
        alias.Length > 1
        && alias[0] == 'a'
        && int.TryParse(alias.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && Alias(index) == alias
            ? index
            : -1;

    public static PackedDocument Build(IReadOnlyList<WorkItem> items)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        var variables = new List<VariableValue>();
        var fields = new List<string>(items.Count);
        var aliases = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var writer = new FieldWriter(Alias(i), variables);
            items[i].Write(writer);
            fields.Add(writer.Text);
            aliases.Add(writer.Alias);
        }

        var query = new StringBuilder("query ").Append(OperationName);
        if (variables.Count > 0)
        {
            query.Append('(').AppendJoin(", ", variables.Select(v => $"${v.Name}: {v.Type}")).Append(')');
        }

        query.Append(" {\n");
        foreach (var field in fields)
        {
            query.Append("  ").Append(field).Append('\n');
        }

        query.Append("}\n");
        return new PackedDocument(OperationCatalog.Compose(query.ToString()), variables, aliases);
    }

    public static void WriteVariables(Utf8JsonWriter json, IEnumerable<VariableValue> variables)
    {
        json.WriteStartObject();
        foreach (var variable in variables)
        {
            json.WritePropertyName(variable.Name);
            switch (variable.Value)
            {
                case string text:
                    json.WriteStringValue(text);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                case DateTimeOffset instant:
                    json.WriteStringValue(
                        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                    );
                    break;
                default:
                    throw new InvalidOperationException($"Unsupported variable type {variable.Value.GetType().Name}.");
            }
        }

        json.WriteEndObject();
    }
}
