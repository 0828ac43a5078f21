using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;
using PHDB.Simulator.GraphQL;

namespace PHDB.Simulator.Tests;

/// <summary>Introspection of the running API matches the documented 2025 SDL, type by type and field by field.</summary>
public sealed class SchemaTests(SharedSimulator simulator)
{
    public const string IntrospectionQuery = """
        query Introspection {
          __schema {
            queryType { name } mutationType { name }
            types {
              kind name
              fields(includeDeprecated: true) { name args { name defaultValue type { ...TypeRef } } type { ...TypeRef } }
              inputFields { name defaultValue type { ...TypeRef } }
              interfaces { name }
              enumValues(includeDeprecated: true) { name }
            }
          }
        }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    private static string TypeString(JsonNode type) =>
        (string)type["kind"]! switch
        {
            "NON_NULL" => TypeString(type["ofType"]!) + "!",
            "LIST" => "[" + TypeString(type["ofType"]!) + "]",
            _ => (string)type["name"]!,
        };

    private static string TypeString(GraphQLType type) =>
        type switch
        {
            GraphQLNonNullType nonNull => TypeString(nonNull.Type) + "!",
            GraphQLListType list => "[" + TypeString(list.Type) + "]",
            GraphQLNamedType named => named.Name.StringValue,
            _ => throw new InvalidOperationException(type.Kind.ToString()),
        };

    private static string Describe(string name, string type, string? defaultValue) =>
        $"{name}: {type}" + (defaultValue is null ? "" : $" = {defaultValue}");

    [Fact]
    public async Task Introspection_matches_the_documented_surface()
    {
        var answer = (await Api.QueryAsync(simulator.Host, IntrospectionQuery)).EnsureData();
        var schema = answer.Data!["__schema"]!;
        Assert.Equal("Query", (string)schema["queryType"]!["name"]!);
        Assert.Equal("Mutation", (string)schema["mutationType"]!["name"]!);
        var live = schema["types"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => t!);

        var document = Parser.Parse(ProductHuntSchema.ReadSdl());
        var checkedTypes = 0;
        foreach (var definition in document.Definitions.OfType<GraphQLTypeDefinition>())
        {
            var name = definition.Name.StringValue;
            Assert.True(live.TryGetValue(name, out var type), $"type {name} is missing");
            checkedTypes++;
            switch (definition)
            {
                case GraphQLObjectTypeDefinition or GraphQLInterfaceTypeDefinition:
                    var fields = definition is GraphQLObjectTypeDefinition o
                        ? o.Fields
                        : ((GraphQLInterfaceTypeDefinition)definition).Fields;
                    var interfaces = definition is GraphQLObjectTypeDefinition oi ? oi.Interfaces : null;
                    Assert.Equal(
                        definition is GraphQLObjectTypeDefinition ? "OBJECT" : "INTERFACE",
                        (string)type["kind"]!
                    );
                    var expected = fields!
                        .Select(f =>
                            Describe(f.Name.StringValue, TypeString(f.Type), null)
                            + "("
                            + string.Join(
                                ", ",
                                (f.Arguments?.Items ?? [])
                                    .OrderBy(a => a.Name.StringValue, StringComparer.Ordinal)
                                    .Select(a =>
                                        Describe(
                                            a.Name.StringValue,
                                            TypeString(a.Type),
                                            a.DefaultValue is null ? null : Print(a.DefaultValue)
                                        )
                                    )
                            )
                            + ")"
                        )
                        .Order(StringComparer.Ordinal);
                    var actual = type["fields"]!
                        .AsArray()
                        .Select(f =>
                            Describe((string)f!["name"]!, TypeString(f["type"]!), null)
                            + "("
                            + string.Join(
                                ", ",
                                f["args"]!
                                    .AsArray()
                                    .OrderBy(a => (string)a!["name"]!, StringComparer.Ordinal)
                                    .Select(a =>
                                        Describe(
                                            (string)a!["name"]!,
                                            TypeString(a["type"]!),
                                            (string?)a["defaultValue"]
                                        )
                                    )
                            )
                            + ")"
                        )
                        .Order(StringComparer.Ordinal);
                    Assert.Equal(expected, actual);
                    Assert.Equal(
                        (interfaces?.Items ?? []).Select(i => i.Name.StringValue).Order(StringComparer.Ordinal),
                        (type["interfaces"]?.AsArray() ?? [])
                            .Select(i => (string)i!["name"]!)
                            .Order(StringComparer.Ordinal)
                    );
                    break;
                case GraphQLEnumTypeDefinition enumeration:
                    Assert.Equal("ENUM", (string)type["kind"]!);
                    Assert.Equal(
                        enumeration.Values!.Select(v => v.Name.StringValue).Order(StringComparer.Ordinal),
                        type["enumValues"]!.AsArray().Select(v => (string)v!["name"]!).Order(StringComparer.Ordinal)
                    );
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    Assert.Equal("INPUT_OBJECT", (string)type["kind"]!);
                    Assert.Equal(
                        input
                            .Fields!.Select(f => Describe(f.Name.StringValue, TypeString(f.Type), null))
                            .Order(StringComparer.Ordinal),
                        type["inputFields"]!
                            .AsArray()
                            .Select(f => Describe((string)f!["name"]!, TypeString(f["type"]!), null))
                            .Order(StringComparer.Ordinal)
                    );
                    break;
                case GraphQLScalarTypeDefinition:
                    Assert.Equal("SCALAR", (string)type["kind"]!);
                    break;
            }
        }

        Assert.True(checkedTypes >= 30);
        var documented = document
            .Definitions.OfType<GraphQLTypeDefinition>()
            .Select(d => d.Name.StringValue)
            .ToHashSet();
        var builtIn = new HashSet<string> { "String", "Int", "Float", "Boolean", "ID" };
        Assert.DoesNotContain(
            live.Keys,
            n => !n.StartsWith("__", StringComparison.Ordinal) && !builtIn.Contains(n) && !documented.Contains(n)
        );
    }

    private static string Print(GraphQLValue value) =>
        value switch
        {
            GraphQLEnumValue e => e.Name.StringValue,
            GraphQLStringValue s => "\"" + s.Value.ToString() + "\"",
            GraphQLIntValue i => i.Value.ToString(),
            GraphQLBooleanValue b => b.Value.ToString(),
            _ => value.ToString() ?? "",
        };
}
