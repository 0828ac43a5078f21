using GraphQLParser;
using GraphQLParser.AST;

namespace PHDB.ProductHunt;

/// <summary>
/// Estimates a query's complexity the graphql-ruby way, before sending it: every field costs 1 plus its children, and
/// the children of a connection's <c>nodes</c>/<c>edges</c> count once per item it may return (<c>first</c>, else
/// <c>last</c>, else the largest page, never more than the largest page). A connection is a field whose selection asks
/// for <c>nodes</c> or <c>edges</c>. Fragment spreads count their fragment's fields.
/// </summary>
public static class ComplexityEstimator
{
    /// <summary>Estimates the complexity of the first operation of <paramref name="document"/>.</summary>
    /// <param name="document">The query text, with its fragments.</param>
    /// <param name="intVariables">Integer variable values (for <c>first</c>/<c>last</c> given as variables).</param>
    /// <param name="maxPageSize">The API's largest page.</param>
    public static int Estimate(
        string document,
        IReadOnlyDictionary<string, int>? intVariables = null,
        int maxPageSize = 20
    )
    {
        var parsed = Parser.Parse(document);
        var operation = parsed.Definitions.OfType<GraphQLOperationDefinition>().First();
        var fragments = parsed
            .Definitions.OfType<GraphQLFragmentDefinition>()
            .ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var walk = new Walk(fragments, intVariables ?? new Dictionary<string, int>(), maxPageSize);
        return checked((int)walk.Cost(operation.SelectionSet));
    }

    private sealed class Walk(
        Dictionary<string, GraphQLFragmentDefinition> fragments,
        IReadOnlyDictionary<string, int> variables,
        int maxPageSize
    )
    {
        private readonly HashSet<string> _active = new(StringComparer.Ordinal);

        public long Cost(GraphQLSelectionSet set)
        {
            long total = 0;
            foreach (var selection in Flatten(set))
            {
                total += FieldCost(selection);
            }

            return total;
        }

        private long FieldCost(GraphQLField field)
        {
            if (field.Name.StringValue.StartsWith("__", StringComparison.Ordinal))
            {
                return 0;
            }

            if (field.SelectionSet is null)
            {
                return 1;
            }

            var children = Flatten(field.SelectionSet).ToList();
            if (!children.Exists(c => c.Name.StringValue is "nodes" or "edges"))
            {
                return 1 + Cost(field.SelectionSet);
            }

            var pageSize = PageSize(field);
            long total = 1;
            foreach (var child in children)
            {
                total += child.Name.StringValue is "nodes" or "edges" ? pageSize * FieldCost(child) : FieldCost(child);
            }

            return total;
        }

        private IEnumerable<GraphQLField> Flatten(GraphQLSelectionSet set)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        yield return field;
                        break;
                    case GraphQLInlineFragment inline:
                        foreach (var inner in Flatten(inline.SelectionSet))
                        {
                            yield return inner;
                        }

                        break;
                    case GraphQLFragmentSpread spread:
                        var name = spread.FragmentName.Name.StringValue;
                        if (fragments.TryGetValue(name, out var definition) && _active.Add(name))
                        {
                            foreach (var inner in Flatten(definition.SelectionSet).ToList())
                            {
                                yield return inner;
                            }

                            _active.Remove(name);
                        }

                        break;
                }
            }
        }

        private int PageSize(GraphQLField field)
        {
            int? first = null,
                last = null;
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                var value = argument.Value switch
                {
                    GraphQLIntValue literal => int.Parse(
                        literal.Value.Span,
                        provider: System.Globalization.CultureInfo.InvariantCulture
                    ),
                    GraphQLVariable variable => variables.TryGetValue(variable.Name.StringValue, out var v)
                        ? v
                        : (int?)null,
                    _ => null,
                };
                switch (argument.Name.StringValue)
                {
                    case "first":
                        first = value;
                        break;
                    case "last":
                        last = value;
                        break;
                }
            }

            return Math.Clamp(first ?? last ?? maxPageSize, 0, maxPageSize);
        }
    }
}
