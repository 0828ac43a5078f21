using GraphQLParser.AST;

namespace PHDB.Simulator.GraphQL;

/// <summary>Finds the graphql-ruby style path of a node: the operation type, then the field names (or aliases) down to it.</summary>
internal static class DocumentPath
{
    public static IReadOnlyList<string>? Find(GraphQLDocument document, ASTNode target)
    {
        foreach (var definition in document.Definitions)
        {
            var path = new List<string>();
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    path.Add(
                        operation.Operation switch
                        {
                            OperationType.Mutation => "mutation",
                            OperationType.Subscription => "subscription",
                            _ => "query",
                        } + (operation.Name is { } name ? " " + name.StringValue : "")
                    );
                    if (ReferenceEquals(operation, target) || Search(operation.SelectionSet, target, path))
                    {
                        return path;
                    }

                    break;
                case GraphQLFragmentDefinition fragment:
                    path.Add("fragment " + fragment.FragmentName.Name.StringValue);
                    if (Search(fragment.SelectionSet, target, path))
                    {
                        return path;
                    }

                    break;
            }
        }

        return null;
    }

    private static bool Search(GraphQLSelectionSet? set, ASTNode target, List<string> path)
    {
        if (set is null)
        {
            return false;
        }

        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    path.Add((field.Alias?.Name ?? field.Name).StringValue);
                    if (
                        ReferenceEquals(field, target)
                        || (
                            field.Arguments?.Any(a => ReferenceEquals(a, target) || ReferenceEquals(a.Value, target))
                            ?? false
                        )
                    )
                    {
                        return true;
                    }

                    if (Search(field.SelectionSet, target, path))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                    break;
                case GraphQLInlineFragment inline:
                    path.Add("... on " + (inline.TypeCondition?.Type.Name.StringValue ?? ""));
                    if (ReferenceEquals(inline, target) || Search(inline.SelectionSet, target, path))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                    break;
            }
        }

        return false;
    }
}
