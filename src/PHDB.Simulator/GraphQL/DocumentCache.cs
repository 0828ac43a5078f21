using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace PHDB.Simulator.GraphQL;

/// <summary>Keeps parsed documents by query text, so a harvester's repeated query shapes are parsed once.</summary>
internal sealed class DocumentCache : IConfigureExecution
{
    private const int Limit = 2048;
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly GraphQLDocumentBuilder _builder = new();

    public float SortOrder => 200;

    public GraphQLDocument? Find(string query) => _documents.GetValueOrDefault(query);

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is null && options.Query is { } query)
        {
            if (_documents.TryGetValue(query, out var cached))
            {
                options.Document = cached;
            }
            else
            {
                try
                {
                    var document = _builder.Build(query);
                    if (_documents.Count >= Limit)
                    {
                        _documents.Clear();
                    }

                    _documents[query] = document;
                    options.Document = document;
                }
                catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
                {
                    // Left to the executer, which reports the syntax error in the usual shape.
                }
            }
        }

        return next(options);
    }
}
