using CsCheck;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace PHDB.ProductHunt.Tests;

/// <summary>Every document the client can send validates against the project's copy of the 2025 schema.</summary>
public sealed class SchemaValidationTests
{
    private static readonly Lazy<ISchema> Schema = new(() =>
    {
        using var stream = typeof(SchemaValidationTests).Assembly.GetManifestResourceStream(
            "PHDB.ProductHunt.Tests.producthunt-2025.graphql"
        )!;
        using var reader = new StreamReader(stream);
        var schema = GraphQL.Types.Schema.For(reader.ReadToEnd());
        schema.Initialize();
        return schema;
    });

    internal static async Task<IReadOnlyList<string>> ValidateAsync(string query, string variablesJson = "{}")
    {
        var document = GraphQLParser.Parser.Parse(query);
        var result = await new DocumentValidator().ValidateAsync(
            new ValidationOptions
            {
                Schema = Schema.Value,
                Document = document,
                Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
                Rules = DocumentValidator.CoreRules,
                Variables = new GraphQLSerializer().Deserialize<Inputs>(variablesJson) ?? Inputs.Empty,
                Extensions = Inputs.Empty,
                UserContext = new Dictionary<string, object?>(),
                RequestServices = null,
                User = null,
                CancellationToken = Testing.Cancel,
            }
        );
        return [.. result.Errors.Select(e => e.Message)];
    }

    private static string Variables(PackedDocument document)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            PackBuilder.WriteVariables(json, document.Variables);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static TheoryData<string> Operations => [.. OperationCatalog.OperationNames];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_named_operation_validates(string name)
    {
        var errors = await ValidateAsync(OperationCatalog.Operation(name), name == "Comment" ? """{"id":"1"}""" : "{}");
        Assert.Empty(errors);
    }

    [Fact]
    public void The_catalog_holds_the_viewer_and_every_lookup()
    {
        Assert.Equal(["Collection", "Comment", "Post", "Topic", "User", "Viewer"], OperationCatalog.OperationNames);
        Assert.Contains("PostFields", OperationCatalog.FragmentNames);
    }

    [Fact]
    public async Task Each_kind_of_work_item_validates_alone_and_all_together()
    {
        foreach (var item in Generators.OneOfEachKind)
        {
            var single = PackBuilder.Build([item]);
            Assert.Empty(await ValidateAsync(single.Query, Variables(single)));
        }

        var all = PackBuilder.Build(Generators.OneOfEachKind);
        Assert.Empty(await ValidateAsync(all.Query, Variables(all)));
    }

    [Fact]
    public async Task Random_packs_validate()
    {
        await Generators
            .Item.List[1, 12]
            .SampleAsync(
                async items =>
                {
                    var document = PackBuilder.Build(items);
                    var errors = await ValidateAsync(document.Query, Variables(document));
                    Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + document.Query);
                },
                iter: 60
            );
    }

    [Fact]
    public async Task A_typo_fails_validation()
    {
        var broken = OperationCatalog.Operation("Post").Replace("tagline", "tagLine", StringComparison.Ordinal);
        Assert.Contains(await ValidateAsync(broken), m => m.Contains("tagLine", StringComparison.Ordinal));
    }
}
