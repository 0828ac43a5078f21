using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace PHDB.Simulator.GraphQL;

/// <summary>
/// The live API's per-query caps, computed the graphql-ruby way: every field costs 1 plus its children, and the
/// children of a connection's <c>edges</c>/<c>nodes</c> count once per possible item (<c>first</c> or <c>last</c>,
/// else the maximum page size, never more than it). Depth counts nested fields. Introspection is exempt.
/// </summary>
internal sealed class QueryCostRule(int maxComplexity, int maxDepth, int maxPageSize) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation is { } operation && (maxComplexity > 0 || maxDepth > 0))
        {
            var root = operation.Operation switch
            {
                OperationType.Mutation => context.Schema.Mutation,
                OperationType.Subscription => context.Schema.Subscription,
                _ => context.Schema.Query,
            };
            if (root is not null)
            {
                var walk = new Walk(context, maxPageSize);
                var byConnection = walk.CostByConnection(operation.SelectionSet, root);
                var complexity = byConnection.Values.Sum();
                if (context.UserContext is RequestScope scope)
                {
                    scope.Complexity = complexity;
                    scope.ComplexityByConnection = byConnection;
                }

                if (maxDepth > 0 && walk.MaxDepth > maxDepth)
                {
                    context.ReportError(
                        new ValidationError(
                            $"Query has depth of {walk.MaxDepth}, which exceeds max depth of {maxDepth}"
                        )
                        {
                            Code = "maxDepthExceeded",
                        }
                    );
                }

                if (maxComplexity > 0 && complexity > maxComplexity)
                {
                    context.ReportError(
                        new ValidationError(
                            $"Query has complexity of {complexity}, which exceeds max complexity of {maxComplexity}"
                        )
                        {
                            Code = "maxComplexityExceeded",
                        }
                    );
                }
            }
        }

        return default;
    }

    /// <summary>The complexity and depth of a query document.</summary>
    private sealed class Walk(ValidationContext context, int maxPageSize)
    {
        private readonly HashSet<string> _activeFragments = new(StringComparer.Ordinal);

        public int MaxDepth { get; private set; }

        /// <summary>
        /// The cost of each root field, summed by the connection it reads: a root connection by its name
        /// (<c>posts</c>), a lookup by its name and its first connection (<c>post.votes</c>), else the lookup alone.
        /// </summary>
        public Dictionary<string, long> CostByConnection(GraphQLSelectionSet set, IGraphType root)
        {
            var costs = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var selection in set.Selections)
            {
                var cost = SelectionCost(selection, root, 1);
                var label = selection is GraphQLField field ? Label(field, root) : "(fragment)";
                costs[label] = costs.GetValueOrDefault(label) + cost;
            }

            return costs;
        }

        private static string Label(GraphQLField field, IGraphType root)
        {
            var name = field.Name.StringValue;
            var type = (root as IComplexGraphType)?.GetField(name)?.ResolvedType?.GetNamedType();
            if (type is null || type.Name.EndsWith("Connection", StringComparison.Ordinal))
            {
                return name;
            }

            var connection = field
                .SelectionSet?.Selections.OfType<GraphQLField>()
                .FirstOrDefault(child =>
                    (type as IComplexGraphType)
                        ?.GetField(child.Name.StringValue)
                        ?.ResolvedType?.GetNamedType()
                        .Name.EndsWith("Connection", StringComparison.Ordinal) == true
                );
            return connection is null ? name : $"{name}.{connection.Name.StringValue}";
        }

        public long Cost(GraphQLSelectionSet set, IGraphType parent, int depth)
        {
            long total = 0;
            foreach (var selection in set.Selections)
            {
                total += SelectionCost(selection, parent, depth);
            }

            return total;
        }

        private long SelectionCost(ASTNode selection, IGraphType parent, int depth) =>
            selection switch
            {
                GraphQLField field => FieldCost(field, parent, depth),
                GraphQLInlineFragment inline => Cost(
                    inline.SelectionSet,
                    Condition(inline.TypeCondition, parent),
                    depth
                ),
                GraphQLFragmentSpread spread => SpreadCost(spread, depth, (s, t) => Cost(s, t, depth)),
                _ => 0,
            };

        private long SpreadCost(
            GraphQLFragmentSpread spread,
            int depth,
            Func<GraphQLSelectionSet, IGraphType, long> cost
        )
        {
            var name = spread.FragmentName.Name.StringValue;
            var definition = context
                .Document.Definitions.OfType<GraphQLFragmentDefinition>()
                .FirstOrDefault(f => f.FragmentName.Name.StringValue == name);
            if (definition is null || !_activeFragments.Add(name))
            {
                return 0;
            }

            try
            {
                var type = context.Schema.AllTypes[definition.TypeCondition.Type.Name.StringValue];
                return type is null ? 0 : cost(definition.SelectionSet, type);
            }
            finally
            {
                _activeFragments.Remove(name);
            }
        }

        private IGraphType Condition(GraphQLTypeCondition? condition, IGraphType parent) =>
            condition is null ? parent : context.Schema.AllTypes[condition.Type.Name.StringValue] ?? parent;

        private long FieldCost(GraphQLField field, IGraphType parent, int depth)
        {
            var name = field.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                return 0;
            }

            MaxDepth = Math.Max(MaxDepth, depth);
            var definition = (parent as IComplexGraphType)?.GetField(name);
            if (definition?.ResolvedType is null || field.SelectionSet is null)
            {
                return 1;
            }

            var type = definition.ResolvedType.GetNamedType();
            if (!type.Name.EndsWith("Connection", StringComparison.Ordinal))
            {
                return 1 + Cost(field.SelectionSet, type, depth + 1);
            }

            return 1 + ConnectionChildren(field.SelectionSet, type, depth + 1, PageSize(field));
        }

        private long ConnectionChildren(GraphQLSelectionSet set, IGraphType connection, int depth, int pageSize)
        {
            long total = 0;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField child when child.Name.StringValue is "edges" or "nodes":
                        total += pageSize * FieldCost(child, connection, depth);
                        break;
                    case GraphQLField child:
                        total += FieldCost(child, connection, depth);
                        break;
                    case GraphQLInlineFragment inline:
                        total += ConnectionChildren(inline.SelectionSet, connection, depth, pageSize);
                        break;
                    case GraphQLFragmentSpread spread:
                        total += SpreadCost(spread, depth, (s, t) => ConnectionChildren(s, t, depth, pageSize));
                        break;
                }
            }

            return total;
        }

        private int PageSize(GraphQLField field)
        {
            int? first = null,
                last = null;
            if (context.ArgumentValues is { } values && values.TryGetValue(field, out var arguments))
            {
                first = arguments.TryGetValue("first", out var f) ? f.Value as int? : null;
                last = arguments.TryGetValue("last", out var l) ? l.Value as int? : null;
            }

            var size = first ?? last ?? maxPageSize;
            return Math.Clamp(size, 0, maxPageSize);
        }
    }
}
