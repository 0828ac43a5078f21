using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PHDB.ProductHunt;

/// <summary>
/// Sends GraphQL requests through a Polly pipeline (retry with jittered exponential backoff → circuit breaker →
/// per-attempt timeout) and turns every answer into data or a typed <see cref="ProductHuntApiException"/> (what an
/// answer's body means is <see cref="ApiErrorClassifier"/>'s). Bodies are parsed inside the pipeline, so a truncated
/// or malformed body is retried like a 5xx.
/// </summary>
internal sealed class GraphQLTransport
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly ProductHuntOptions _options;
    private readonly AccessTokenSource _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ProductHuntTelemetry _telemetry;
    private readonly ResiliencePipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly KeyValuePair<string, object?> _application;

    public GraphQLTransport(
        HttpClient http,
        ProductHuntOptions options,
        AccessTokenSource tokens,
        TimeProvider time,
        ILogger logger,
        ProductHuntTelemetry telemetry
    )
    {
        _http = http;
        _options = options;
        _tokens = tokens;
        _time = time;
        _logger = logger;
        _telemetry = telemetry;
        _application = new(ProductHuntTelemetry.ApplicationTag, ApiTokenFingerprint.Of(options));
        _endpoint = new Uri(options.BaseAddress, "v2/api/graphql");
        _pipeline = BuildPipeline();
    }

    /// <summary>The circuit breaker's state, for health checks and tests.</summary>
    public CircuitBreakerStateProvider CircuitState { get; } = new();

    public async Task<GraphQLResponse> SendAsync(
        string operationName,
        string query,
        IReadOnlyList<VariableValue> variables,
        int aliases,
        int estimate,
        CancellationToken cancellationToken
    )
    {
        using var activity = ProductHuntTelemetry.Source.StartActivity(
            $"ProductHunt {operationName}",
            ActivityKind.Client
        );
        activity?.SetTag("graphql.operation.name", operationName);
        activity?.SetTag("phdb.producthunt.aliases", aliases);
        activity?.SetTag("phdb.producthunt.complexity.estimate", estimate);
        var body = Serialize(operationName, query, variables);
        var attempts = 0;
        try
        {
            var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await AttemptAsync(body, attempts, token);
                },
                cancellationToken
            );
            activity?.SetTag("phdb.producthunt.attempts", attempts);
            activity?.SetTag("phdb.producthunt.budget.remaining", response.Budget.Remaining);
            ClientLog.Answered(
                _logger,
                operationName,
                aliases,
                estimate,
                response.Status,
                response.Budget.Remaining,
                response.Budget.Limit,
                response.Budget.ResetIn
            );
            return response;
        }
        catch (BrokenCircuitException exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "circuit open");
            // Polly's exceptions stay here: the client's errors cross grain calls, and Orleans has no codec for them.
            throw new ProductHuntCircuitOpenException(
                "The circuit is open after repeated transient faults; no request was sent.",
                exception.RetryAfter
            );
        }
        catch (TimeoutRejectedException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw new ProductHuntTransientException(
                $"No answer within {_options.AttemptTimeout} ({attempts} attempts)."
            );
        }
        catch (ProductHuntApiException exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity?.SetTag("phdb.producthunt.attempts", attempts);
            throw;
        }
    }

    private static byte[] Serialize(string operationName, string query, IReadOnlyList<VariableValue> variables)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("query", query);
            json.WriteString("operationName", operationName);
            json.WritePropertyName("variables");
            PackBuilder.WriteVariables(json, variables);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async ValueTask<GraphQLResponse> AttemptAsync(byte[] body, int attempt, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(Json);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ProductHuntTransientException(
                $"The connection failed on attempt {attempt}: {exception.HttpRequestError}.",
                null,
                exception
            );
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var budget = RateLimitSnapshot.FromHeaders(response.Headers, _time.GetUtcNow());
            if (budget.Remaining is { } remaining)
            {
                _telemetry.Remaining.Record(remaining, _application);
            }

            byte[] content;
            try
            {
                content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                throw new ProductHuntTransientException($"The answer was cut off (HTTP {status}).", status, exception);
            }

            _telemetry.Requests.Add(
                1,
                _application,
                new KeyValuePair<string, object?>("http.response.status_code", status)
            );
            switch (response.StatusCode)
            {
                case HttpStatusCode.Unauthorized:
                    _tokens.Invalidate();
                    ClientLog.AuthenticationFailed(_logger, status);
                    throw new ProductHuntAuthenticationException(
                        ApiErrorClassifier.ErrorCodeOf(content) is { } code
                            ? $"The API refused the access token (HTTP 401, {code})."
                            : "The API refused the access token (HTTP 401)."
                    );
                case HttpStatusCode.TooManyRequests:
                    throw RateLimited(content, budget);
                case HttpStatusCode.RequestTimeout:
                    throw new ProductHuntTransientException("The API timed out (HTTP 408).", status);
            }

            if (status >= 500)
            {
                throw new ProductHuntTransientException($"The API failed with HTTP {status}.", status);
            }

            if (status >= 400)
            {
                throw new ProductHuntQueryRejectedException(
                    $"The API refused the request (HTTP {status}).",
                    ApiErrorClassifier.ErrorTexts(content),
                    status
                );
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(content);
            }
            catch (JsonException exception)
            {
                throw new ProductHuntTransientException(
                    $"The answer was not valid JSON (HTTP {status}, {content.Length} bytes).",
                    status,
                    exception
                );
            }

            try
            {
                ApiErrorClassifier.Classify(document, status);
            }
            catch
            {
                document.Dispose();
                throw;
            }

            return new GraphQLResponse(document, budget, attempt, status);
        }
    }

    private ProductHuntRateLimitException RateLimited(byte[] content, RateLimitSnapshot budget)
    {
        var snapshot = ApiErrorClassifier.RateLimitDetails(content, budget);
        var resetIn = snapshot.ResetIn ?? TimeSpan.Zero;
        _telemetry.RateLimited.Add(1, _application);
        ClientLog.RateLimited(_logger, snapshot.Remaining, snapshot.Limit, resetIn);
        return new ProductHuntRateLimitException(
            $"The rate limit is reached ({snapshot.Remaining}/{snapshot.Limit} points); the window resets in {resetIn.TotalSeconds:0} s.",
            snapshot,
            resetIn,
            snapshot.ObservedAt + resetIn
        );
    }

    private ResiliencePipeline BuildPipeline()
    {
        static bool Transient(Exception e) => e is ProductHuntTransientException or TimeoutRejectedException;
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(
                new RetryStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && Transient(e)),
                    MaxRetryAttempts = _options.MaxRetries,
                    Delay = _options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    OnRetry = args =>
                    {
                        _telemetry.Retries.Add(1);
                        ClientLog.Retrying(
                            _logger,
                            args.AttemptNumber + 1,
                            Reason(args.Outcome.Exception),
                            args.RetryDelay
                        );
                        return default;
                    },
                }
            );
        }

        builder.AddCircuitBreaker(
            new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && Transient(e)),
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakerBreakDuration,
                StateProvider = CircuitState,
                OnOpened = args =>
                {
                    _telemetry.CircuitTransitions.Add(1, new KeyValuePair<string, object?>("state", "open"));
                    ClientLog.CircuitOpened(_logger, args.BreakDuration, Reason(args.Outcome.Exception));
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    _telemetry.CircuitTransitions.Add(1, new KeyValuePair<string, object?>("state", "half-open"));
                    ClientLog.CircuitHalfOpened(_logger);
                    return default;
                },
                OnClosed = _ =>
                {
                    _telemetry.CircuitTransitions.Add(1, new KeyValuePair<string, object?>("state", "closed"));
                    ClientLog.CircuitClosed(_logger);
                    return default;
                },
            }
        );
        builder.AddTimeout(_options.AttemptTimeout);
        return builder.Build();
    }

    private static string Reason(Exception? exception) => exception?.Message ?? "no exception";
}
