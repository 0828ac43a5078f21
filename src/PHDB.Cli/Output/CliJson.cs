using System.Text.Json;
using System.Text.Json.Serialization;

namespace PHDB.Cli.Output;

/// <summary>The JSON conventions of <c>--json</c>: camelCase names and enum values, ISO-8601 times, indented.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } =
        new(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
}
