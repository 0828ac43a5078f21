using System.Globalization;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace PHDB.Simulator.GraphQL;

/// <summary>
/// The API schema, built schema-first from the embedded 2025 SDL (the simulator's contract), with a resolver on every field.
/// </summary>
internal static partial class ProductHuntSchema
{
    public const string ResourceName = "PHDB.Simulator.Schema.producthunt-2025.graphql";

    private static readonly string[] ConnectionTypes = ["Post", "Topic", "Collection", "Comment", "Vote", "User"];

    /// <summary>The SDL text of the contract.</summary>
    public static string ReadSdl()
    {
        using var stream =
            typeof(ProductHuntSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static ISchema Create()
    {
        var schema = Schema.For(
            ReadSdl(),
            builder =>
            {
                ConfigureQuery(builder);
                ConfigureMutation(builder);
                ConfigurePost(builder);
                ConfigureUser(builder);
                ConfigureTopicAndCollection(builder);
                ConfigureCommentAndVote(builder);
                ConfigureConnections(builder);
            }
        );
        schema.RegisterType(new DateTimeScalar());
        schema.Initialize();
        return schema;
    }

    private static void Resolve(
        SchemaBuilder builder,
        string type,
        string field,
        Func<IResolveFieldContext, object?> resolver
    ) => builder.Types.For(type).FieldFor(field).Resolver = new FuncFieldResolver<object>(resolver);

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static long? ReadId(IResolveFieldContext context, string name)
    {
        var raw = context.GetArgument<object?>(name);
        return raw is null ? null
            : long.TryParse(
                Convert.ToString(raw, CultureInfo.InvariantCulture),
                NumberStyles.Integer,
                CultureInfo.InvariantCulture,
                out var id
            )
                ? id
            : -1;
    }

    private static string? ReadEnum(IResolveFieldContext context, string name) =>
        Convert.ToString(context.GetArgument<object?>(name), CultureInfo.InvariantCulture);

    private static void ConfigureConnections(SchemaBuilder builder)
    {
        foreach (var name in ConnectionTypes)
        {
            var connection = name + "Connection";
            var edge = name + "Edge";
            Resolve(builder, connection, "edges", c => ((Connection)c.Source!).Edges);
            Resolve(builder, connection, "nodes", c => ((Connection)c.Source!).Edges.Select(e => e.Node).ToArray());
            Resolve(builder, connection, "pageInfo", c => c.Source);
            Resolve(
                builder,
                connection,
                "totalCount",
                c =>
                {
                    var page = (Connection)c.Source!;
                    return RequestScope.Of(c).TotalCountMode == Configuration.TotalCountMode.PageSize
                        ? page.Edges.Count
                        : page.Total;
                }
            );
            Resolve(builder, edge, "cursor", c => OffsetCursor.Encode(((EdgeNode)c.Source!).Position));
            Resolve(builder, edge, "node", c => ((EdgeNode)c.Source!).Node);
        }

        Resolve(
            builder,
            "PageInfo",
            "startCursor",
            c => ((Connection)c.Source!).Edges is { Count: > 0 } edges ? OffsetCursor.Encode(edges[0].Position) : null
        );
        Resolve(
            builder,
            "PageInfo",
            "endCursor",
            c => ((Connection)c.Source!).Edges is { Count: > 0 } edges ? OffsetCursor.Encode(edges[^1].Position) : null
        );
        Resolve(builder, "PageInfo", "hasNextPage", c => ((Connection)c.Source!).HasNextPage);
        Resolve(builder, "PageInfo", "hasPreviousPage", c => ((Connection)c.Source!).HasPreviousPage);

        builder.Types.For("Post").IsTypeOfFunc = o => o is PostNode;
        builder.Types.For("Collection").IsTypeOfFunc = o => o is CollectionNode;
        builder.Types.For("Comment").IsTypeOfFunc = o => o is CommentNode;
    }

    /// <summary>Field names of the SDL, for tests that check every field has a resolver.</summary>
    internal static IEnumerable<(string Type, string Field)> Fields(ISchema schema) =>
        schema
            .AllTypes.OfType<IComplexGraphType>()
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not IInputObjectGraphType)
            .SelectMany(t => t.Fields.Select(f => (t.Name, f.Name)));
}
