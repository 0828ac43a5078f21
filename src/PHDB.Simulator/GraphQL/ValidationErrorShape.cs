using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace PHDB.Simulator.GraphQL;

/// <summary>
/// Writes validation failures the way the live (graphql-ruby) API does: HTTP 200, no <c>data</c> key, graphql-ruby
/// messages and a camel-case <c>extensions.code</c>.
/// </summary>
internal static partial class ValidationErrorShape
{
    public static void Write(Utf8JsonWriter json, ExecutionErrors errors, GraphQLDocument? document)
    {
        json.WriteStartObject();
        json.WriteStartArray("errors");
        foreach (var error in errors)
        {
            WriteError(json, error, document);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter json, ExecutionError error, GraphQLDocument? document)
    {
        var path =
            document is not null && error is ValidationError { Nodes: { } nodes } && nodes.FirstOrDefault() is { } node
                ? DocumentPath.Find(document, node)
                : null;
        var (message, code, extra) = Translate(error, path);
        json.WriteStartObject();
        json.WriteString("message", message);
        if (error.Locations is { Count: > 0 } locations)
        {
            json.WriteStartArray("locations");
            foreach (var location in locations)
            {
                json.WriteStartObject();
                json.WriteNumber("line", location.Line);
                json.WriteNumber("column", location.Column);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (path is not null)
        {
            json.WriteStartArray("path");
            foreach (var segment in path)
            {
                json.WriteStringValue(segment);
            }

            json.WriteEndArray();
        }

        if (code is not null)
        {
            json.WriteStartObject("extensions");
            json.WriteString("code", code);
            foreach (var (key, value) in extra)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static (string Message, string? Code, List<(string, string)> Extra) Translate(
        ExecutionError error,
        IReadOnlyList<string>? path
    )
    {
        var text = error.Message;
        var field = path is { Count: > 1 } ? path[^1] : "?";
        switch (error.Code)
        {
            case "FIELDS_ON_CORRECT_TYPE" when UnknownField().Match(text) is { Success: true } m:
                return (
                    $"Field '{m.Groups[1].Value}' doesn't exist on type '{m.Groups[2].Value}'",
                    "undefinedField",
                    [("typeName", m.Groups[2].Value), ("fieldName", m.Groups[1].Value)]
                );
            case "KNOWN_ARGUMENT_NAMES" when UnknownArgument().Match(text) is { Success: true } m:
                return (
                    $"Field '{m.Groups[2].Value}' doesn't accept argument '{m.Groups[1].Value}'",
                    "argumentNotAccepted",
                    [("name", m.Groups[2].Value), ("typeName", "Field"), ("argumentName", m.Groups[1].Value)]
                );
            case "PROVIDED_REQUIRED_ARGUMENTS"
            or "PROVIDED_NON_NULL_ARGUMENTS" when MissingArgument().Match(text) is { Success: true } m:
                return (
                    $"Field '{m.Groups[2].Value}' is missing required arguments: {m.Groups[1].Value}",
                    "missingRequiredArguments",
                    [("className", "Field"), ("name", m.Groups[2].Value), ("arguments", m.Groups[1].Value)]
                );
            case "SCALAR_LEAFS" when MissingSelection().Match(text) is { Success: true } m:
                var type = m.Groups[2].Value.TrimEnd('!');
                return (
                    $"Field '{m.Groups[1].Value}' returns {type} but has no selections. Did you mean '{m.Groups[1].Value} {{ ... }}'?",
                    "selectionMismatch",
                    [("nodeName", $"field '{m.Groups[1].Value}'"), ("typeName", type)]
                );
            case "SCALAR_LEAFS" when UnwantedSelection().Match(text) is { Success: true } m:
                var scalar = m.Groups[2].Value.TrimEnd('!');
                return (
                    $"Selections can't be made on scalars (field '{m.Groups[1].Value}' returns {scalar} but has selections [...])",
                    "selectionMismatch",
                    [("nodeName", $"field '{m.Groups[1].Value}'"), ("typeName", scalar)]
                );
            case "ARGUMENTS_OF_CORRECT_TYPE" when InvalidArgument().Match(text) is { Success: true } m:
                return (
                    $"Argument '{m.Groups[1].Value}' on Field '{field}' has an invalid value ({m.Groups[3].Value}). Expected type '{m.Groups[2].Value}'.",
                    "argumentLiteralsIncompatible",
                    [("typeName", "Field"), ("argumentName", m.Groups[1].Value)]
                );
            case "SYNTAX_ERROR":
                var location = error.Locations is { Count: > 0 } l ? l[0] : default;
                return (
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Parse error at [{location.Line}, {location.Column}]: {text.Replace("Error parsing query: ", "", StringComparison.Ordinal)}"
                    ),
                    null,
                    []
                );
            case "maxComplexityExceeded" or "maxDepthExceeded":
                return (text, null, []);
            case null or "":
                return (text, null, []);
            default:
                return (text, CamelCase(error.Code), []);
        }
    }

    private static string CamelCase(string code)
    {
        var parts = code.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    [GeneratedRegex("Cannot query field '([^']+)' on type '([^']+)'")]
    private static partial Regex UnknownField();

    [GeneratedRegex("Unknown argument '([^']+)' on field '(?:[^'.]+\\.)?([^']+)'")]
    private static partial Regex UnknownArgument();

    [GeneratedRegex("Argument '([^']+)' of type '[^']+' is required for field '([^']+)'")]
    private static partial Regex MissingArgument();

    [GeneratedRegex("Field '?([^' ]+)'? of type '?([^' ]+)'? must have a (?:sub selection|selection of subfields)")]
    private static partial Regex MissingSelection();

    [GeneratedRegex("Field '?([^' ]+)'? of type '?([^' ]+)'? must not have a sub ?selection")]
    private static partial Regex UnwantedSelection();

    [GeneratedRegex("Argument '([^']+)' has invalid value\\. Expected type '([^']+)', found (.*)\\.$")]
    private static partial Regex InvalidArgument();
}
