using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PHDB.Domain;
using PHDB.ProductHunt.Wire;
using Polly.CircuitBreaker;

namespace PHDB.ProductHunt;

/// <summary>The Product Hunt API v2 client: typed operations, packed requests, rate-limit awareness, resilience.</summary>
public sealed class ProductHuntClient : IProductHuntClient, IDisposable
{
    private readonly GraphQLTransport _transport;
    private readonly AccessTokenSource _tokens;
    private readonly ProductHuntOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ProductHuntTelemetry _telemetry;
    private readonly PackPlanner _planner;

    /// <summary>Creates a client over <paramref name="http"/> (its handler should pool connections).</summary>
    public ProductHuntClient(
        HttpClient http,
        IOptions<ProductHuntOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<ProductHuntClient>? logger = null,
        ProductHuntTelemetry? telemetry = null
    )
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<ProductHuntClient>.Instance;
        _telemetry = telemetry ?? new ProductHuntTelemetry();
        _tokens = new AccessTokenSource(http, _options, _logger);
        _transport = new GraphQLTransport(http, _options, _tokens, _time, _logger, _telemetry);
        Complexity = new ComplexityModel(_options.MaxComplexity);
        _planner = new PackPlanner(Complexity, _options.MaxPageSize, _options.MaxAliasesPerRequest);
    }

    /// <inheritdoc />
    public ComplexityModel Complexity { get; }

    /// <summary>The circuit breaker's current state.</summary>
    public CircuitState CircuitState => _transport.CircuitState.CircuitState;

    /// <inheritdoc />
    public async Task<ViewerInfo> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var query = OperationCatalog.Operation("Viewer");
        using var response = await _transport.SendAsync(
            "Viewer",
            query,
            [],
            1,
            ComplexityEstimator.Estimate(query),
            cancellationToken
        );
        var data = response.Document.RootElement.GetProperty("data");
        User? user = null;
        if (data.TryGetProperty("viewer", out var viewer) && viewer.ValueKind == JsonValueKind.Object)
        {
            var node = viewer.Deserialize(WireJsonContext.Default.ViewerNode);
            user = node?.User is { } u ? EntityMapper.User(u, "viewer.user") : null;
        }

        return new ViewerInfo(user, response.Budget);
    }

    /// <inheritdoc />
    public async Task<WorkResult> LookupAsync(WorkItem lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var (name, field, variables) = lookup switch
        {
            PostLookup p => ("Post", "post", Variables(("id", "ID", Id(p.Id)), ("slug", "String", p.Slug))),
            UserLookup u => ("User", "user", Variables(("id", "ID", Id(u.Id)), ("username", "String", u.Username))),
            TopicLookup t => ("Topic", "topic", Variables(("id", "ID", Id(t.Id)), ("slug", "String", t.Slug))),
            CollectionLookup c => (
                "Collection",
                "collection",
                Variables(("id", "ID", Id(c.Id)), ("slug", "String", c.Slug))
            ),
            CommentLookup c => ("Comment", "comment", Variables(("id", "ID!", Id(c.Id)))),
            _ => throw new ArgumentException(
                $"{lookup.GetType().Name} is not a lookup; use ExecuteAsync.",
                nameof(lookup)
            ),
        };
        var query = OperationCatalog.Operation(name);
        using var response = await _transport.SendAsync(
            name,
            query,
            variables,
            1,
            ComplexityEstimator.Estimate(query),
            cancellationToken
        );
        return Map(lookup, field, response.Document.RootElement) with { Budget = response.Budget };
    }

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<WorkItem>> Plan(IReadOnlyList<WorkItem> items) =>
        [
            .. _planner
                .Plan([.. items.Select((item, index) => (index, item))])
                .Select(g => (IReadOnlyList<WorkItem>)[.. g.Select(e => e.Item)]),
        ];

    /// <inheritdoc />
    public Task<PackResult> ExecuteAsync(
        IReadOnlyList<WorkItem> items,
        CancellationToken cancellationToken = default
    ) => ExecuteAsync(items, int.MaxValue, cancellationToken);

    /// <inheritdoc />
    public async Task<PackResult> ExecuteAsync(
        IReadOnlyList<WorkItem> items,
        int maxRequests,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRequests, 1);
        var results = new WorkResult?[items.Count];
        var queue = new LinkedList<List<(int Index, WorkItem Item)>>(
            _planner.Plan([.. items.Select((item, index) => (index, item))])
        );
        RateLimitSnapshot? budget = null;
        int requests = 0,
            attempts = 0,
            splits = 0;
        while (queue.First is { } head)
        {
            if (requests >= maxRequests)
            {
                var deferred = new ProductHuntDeferredException(
                    $"Not sent: this call's {maxRequests} request(s) were spent; the item waits for the next."
                );
                foreach (var (index, item) in queue.SelectMany(g => g))
                {
                    results[index] = new WorkResult { Item = item, Error = deferred };
                }

                break;
            }

            queue.RemoveFirst();
            var group = head.Value;
            var document = PackBuilder.Build([.. group.Select(e => e.Item)]);
            var estimate = ComplexityEstimator.Estimate(document.Query, document.IntVariables, _options.MaxPageSize);
            try
            {
                using var response = await _transport.SendAsync(
                    PackBuilder.OperationName,
                    document.Query,
                    document.Variables,
                    group.Count,
                    estimate,
                    cancellationToken
                );
                requests++;
                attempts += response.Attempts;
                budget = response.Budget;
                Complexity.Accepted(estimate);
                var retry = MapGroup(items, group, document, response.Document.RootElement, response.Budget, results);
                if (retry.Count > 0)
                {
                    queue.AddFirst(retry);
                }
            }
            catch (ProductHuntComplexityException exception)
            {
                requests++;
                attempts++;
                splits++;
                _telemetry.ComplexitySplits.Add(1);
                ClientLog.ComplexitySplit(
                    _logger,
                    group.Count,
                    estimate,
                    exception.Complexity,
                    exception.MaxComplexity
                );
                Complexity.Refused(estimate, exception.Complexity, exception.MaxComplexity);
                foreach (var part in _planner.Split(group, exception).AsEnumerable().Reverse())
                {
                    if (part.Count == 0)
                    {
                        continue;
                    }

                    if (part.Count == 1 && part[0].Item == group[0].Item && group.Count == 1)
                    {
                        results[part[0].Index] = new WorkResult { Item = part[0].Item, Error = exception };
                        continue;
                    }

                    queue.AddFirst(part);
                }
            }
            catch (ProductHuntQueryRejectedException exception)
            {
                requests++;
                attempts++;
                // An error that names some aliases (e.g. an invalid cursor, which nulls the whole answer) fails those
                // items only; the others are sent again without them.
                var named = new HashSet<string>(exception.Aliases, StringComparer.Ordinal);
                var rest = new List<(int Index, WorkItem Item)>();
                for (var i = 0; i < group.Count; i++)
                {
                    if (named.Count == 0 || named.Contains(document.Aliases[i]))
                    {
                        results[group[i].Index] = new WorkResult { Item = group[i].Item, Error = exception };
                    }
                    else
                    {
                        rest.Add(group[i]);
                    }
                }

                if (rest.Count > 0 && rest.Count < group.Count)
                {
                    queue.AddFirst(rest);
                }
                else
                {
                    foreach (var (index, item) in rest)
                    {
                        results[index] = new WorkResult { Item = item, Error = exception };
                    }
                }
            }
            catch (ProductHuntApiException exception)
            {
                // Rate limit, authentication, open circuit or exhausted retries: stop here, the caller decides.
                if (exception is ProductHuntRateLimitException limited)
                {
                    budget = limited.Budget;
                    requests++;
                }

                foreach (var (index, item) in group.Concat(queue.SelectMany(g => g)))
                {
                    results[index] = new WorkResult { Item = item, Error = exception };
                }

                queue.Clear();
            }
        }

        return new PackResult(
            [.. results.Select((r, i) => r ?? new WorkResult { Item = items[i] })],
            budget,
            requests,
            attempts,
            splits
        );
    }

    /// <summary>Maps each alias back to its item; returns the items to resend when the server failed the whole request for some aliases only.</summary>
    private List<(int Index, WorkItem Item)> MapGroup(
        IReadOnlyList<WorkItem> originals,
        List<(int Index, WorkItem Item)> group,
        PackedDocument document,
        JsonElement root,
        RateLimitSnapshot budget,
        WorkResult?[] results
    )
    {
        var failed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                var alias =
                    error.TryGetProperty("path", out var path)
                    && path.ValueKind == JsonValueKind.Array
                    && path.GetArrayLength() > 0
                        ? path[0].ToString()
                        : "";
                var message = error.TryGetProperty("message", out var m) ? m.ToString() : error.GetRawText();
                (failed.TryGetValue(alias, out var list) ? list : failed[alias] = []).Add(message);
            }
        }

        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var retry = new List<(int, WorkItem)>();
        for (var i = 0; i < group.Count; i++)
        {
            var (index, item) = group[i];
            var alias = document.Aliases[i];
            var value = default(JsonElement);
            var hasValue = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(alias, out value);
            if (failed.TryGetValue(alias, out var messages) && (!hasValue || value.ValueKind == JsonValueKind.Null))
            {
                results[index] = new WorkResult
                {
                    Item = item,
                    Error = new ProductHuntQueryRejectedException(
                        $"The API refused {alias}: {string.Join("; ", messages)}",
                        messages
                    )
                    {
                        Aliases = [alias],
                    },
                };
                continue;
            }

            if (!hasValue)
            {
                if (failed.Count > 0)
                {
                    retry.Add((index, item));
                }
                else
                {
                    results[index] = new WorkResult
                    {
                        Item = item,
                        Error = new DataValidationException(alias, null, "the answer has no value for this alias"),
                    };
                }

                continue;
            }

            var result = Map(item, alias, data) with { Budget = budget };
            results[index] =
                result.Next is { } next && originals[index].Size is { } asked && next.Size != asked
                    ? result with
                    {
                        Next = next.WithFirst(asked),
                    }
                    : result;
        }

        return retry;
    }

    private WorkResult Map(WorkItem item, string alias, JsonElement root)
    {
        var data = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var d) ? d : root;
        var builder = new ResultBuilder(item, alias, _time.GetUtcNow(), Rejected);
        try
        {
            item.Map(data.GetProperty(alias), builder);
            return builder.Build();
        }
        catch (Exception exception)
            when (exception is DataValidationException or KeyNotFoundException or InvalidOperationException)
        {
            return new WorkResult
            {
                Item = item,
                Error =
                    exception as DataValidationException ?? new DataValidationException(alias, null, exception.Message),
            };
        }
    }

    private void Rejected(NodeRejected node)
    {
        _telemetry.NodesRejected.Add(1);
        ClientLog.NodeRejected(_logger, node.Alias, node.Path, node.Field, node.Value, node.Reason);
    }

    private static string? Id(long? id) => id is { } value ? WorkItem.IdText(value) : null;

    private static List<VariableValue> Variables(params (string Name, string Type, object? Value)[] values) =>
        [.. values.Where(v => v.Value is not null).Select(v => new VariableValue(v.Name, v.Type, v.Value!))];

    /// <inheritdoc />
    public void Dispose() => _tokens.Dispose();
}
