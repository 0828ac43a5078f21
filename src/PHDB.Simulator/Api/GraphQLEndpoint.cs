using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Validation;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.GraphQL;

namespace PHDB.Simulator.Api;

/// <summary><c>POST /v2/api/graphql</c>: token, rate limit, faults, then GraphQL execution with live-shaped errors.</summary>
internal sealed class GraphQLEndpoint
{
    public const string Path = "/v2/api/graphql";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
    private readonly SimulatorState _state;
    private readonly TimeProvider _time;
    private readonly IDocumentExecuter _executer;
    private readonly GraphQLSerializer _serializer = new(JsonOptions);
    private readonly IValidationRule[] _rules;
    private readonly ILogger<GraphQLEndpoint> _logger;
    private readonly DocumentCache _documents = new();

    public GraphQLEndpoint(SimulatorState state, TimeProvider time, ILogger<GraphQLEndpoint> logger)
    {
        _state = state;
        _time = time;
        _logger = logger;
        _executer = new DocumentExecuter(
            new GraphQLDocumentBuilder(),
            new DocumentValidator(),
            new DefaultExecutionStrategySelector(),
            [_documents]
        );
        _rules =
        [
            .. DocumentValidator.CoreRules,
            new QueryCostRule(state.Options.MaxComplexity, state.Options.MaxDepth, state.Options.MaxPageSize),
        ];
    }

    public async Task HandleAsync(HttpContext http)
    {
        var grant = Authorize(http.Request);
        if (grant is null)
        {
            await WriteAsync(http, StatusCodes.Status401Unauthorized, ApiErrorBodies.InvalidToken);
            return;
        }

        var application = grant.Application;
        var counters = _state.Stats.For(application.Name);
        GraphQLRequest? request;
        try
        {
            request = await _serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (Exception exception)
            when (exception is JsonException or ExecutionError or InvalidOperationException or NotSupportedException)
        {
            request = null;
        }

        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            WriteBudget(http, application.Budget.Peek());
            await WriteAsync(http, StatusCodes.Status400BadRequest, ApiErrorBodies.QueryMissing);
            return;
        }

        var rateLimit = _state.Options.RateLimit;
        var flat = rateLimit.CostModel == RequestCostModel.Complexity ? 0 : rateLimit.CostPerRequest;
        var decision = application.Budget.Charge(flat);
        WriteBudget(http, decision);
        if (!decision.Allowed)
        {
            counters.RateLimited();
            SimulatorLog.RateLimited(_logger, application.Name, decision.Remaining, decision.ResetIn);
            await WriteAsync(http, StatusCodes.Status429TooManyRequests, ApiErrorBodies.RateLimited(decision));
            return;
        }

        counters.Served(flat);
        var fault = _state.Faults.Next();
        if (fault != FaultKind.None)
        {
            counters.Faulted();
            SimulatorLog.FaultInjected(_logger, fault, application.Name);
            if (await ApplyFaultAsync(http, fault))
            {
                return;
            }
        }

        var scope = new RequestScope(_state, grant, _state.Clock.Now);
        var result = await _executer.ExecuteAsync(options =>
        {
            options.Schema = _state.Schema;
            options.Query = request!.Query;
            options.Variables = request.Variables;
            options.OperationName = request.OperationName;
            options.UserContext = scope;
            options.ValidationRules = _rules;
            options.RequestServices = http.RequestServices;
            options.CancellationToken = http.RequestAborted;
            options.UnhandledExceptionDelegate = context =>
            {
                SimulatorLog.ResolverFailed(_logger, context.OriginalException);
                return Task.CompletedTask;
            };
        });

        if (result.Executed && scope.ComplexityByConnection is { } byConnection)
        {
            counters.Measured(byConnection);
        }

        if (result.Executed && rateLimit.CostModel != RequestCostModel.Flat && scope.Complexity is { } complexity)
        {
            var extra = (int)Math.Clamp(complexity - flat, 0, int.MaxValue);
            application.Budget.ChargeMore(extra);
            counters.Charged(extra);
        }

        byte[] body;
        using (var buffer = new MemoryStream())
        {
            if (!result.Executed && result.Errors is { Count: > 0 } errors)
            {
                await using var json = new Utf8JsonWriter(
                    buffer,
                    new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
                );
                ValidationErrorShape.Write(json, errors, result.Document ?? _documents.Find(request.Query!));
            }
            else
            {
                await _serializer.WriteAsync(buffer, result, http.RequestAborted);
            }

            body = buffer.ToArray();
        }

        if (fault == FaultKind.Truncate)
        {
            body = body[..Math.Max(1, body.Length / 2)];
        }
        else if (fault == FaultKind.Malformed)
        {
            body = [.. body[..Math.Max(1, body.Length / 3)], .. "\"},,]{<html>"u8];
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static void WriteBudget(HttpContext http, RateDecision decision)
    {
        var headers = http.Response.Headers;
        headers["X-Rate-Limit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Reset"] = decision.ResetIn.ToString(CultureInfo.InvariantCulture);
    }

    private AccessGrant? Authorize(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[bearer.Length..].Trim();
        return token.Length == 0 ? null : _state.Registry.Find(token);
    }

    /// <summary>Applies a fault; true when the response is complete.</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext http, FaultKind fault)
    {
        var faults = _state.Faults.Current;
        switch (fault)
        {
            case FaultKind.ServerError:
                await WriteAsync(http, StatusCodes.Status500InternalServerError, ApiErrorBodies.ServerError);
                return true;
            case FaultKind.GraphQLError:
                await WriteAsync(http, StatusCodes.Status200OK, ApiErrorBodies.GraphQLInternalError);
                return true;
            case FaultKind.Drop:
                http.Abort();
                return true;
            case FaultKind.Slow:
                await Task.Delay(TimeSpan.FromMilliseconds(faults.SlowDelayMilliseconds), _time, http.RequestAborted);
                return false;
            case FaultKind.Timeout:
                await Task.Delay(TimeSpan.FromMilliseconds(faults.TimeoutMilliseconds), _time, http.RequestAborted);
                http.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                http.Response.ContentType = "text/html";
                await http.Response.WriteAsync(ApiErrorBodies.GatewayTimeout, http.RequestAborted);
                return true;
            default:
                return false;
        }
    }

    private static async Task WriteAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body, http.RequestAborted);
    }
}
