using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PHDB.ProductHunt;

/// <summary>
/// Sends GraphQL requests through a Polly pipeline (retry with jittered exponential backoff → circuit breaker →
/// per-attempt timeout) and turns every answer into data or a typed <see cref="ProductHuntApiException"/>. Bodies are
/// parsed inside the pipeline, so a truncated or malformed body is retried like a 5xx.
/// </summary>
internal sealed partial class GraphQLTransport
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
                _telemetry.Remaining.Record(remaining);
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

            _telemetry.Requests.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status));
            switch (response.StatusCode)
            {
                case HttpStatusCode.Unauthorized:
                    _tokens.Invalidate();
                    ClientLog.AuthenticationFailed(_logger, status);
                    throw new ProductHuntAuthenticationException(
                        ErrorCodeOf(content) is { } code
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
                    ErrorTexts(content),
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
                Classify(document, status);
            }
            catch
            {
                document.Dispose();
                throw;
            }

            return new GraphQLResponse(document, budget, attempt, status);
        }
    }

    /// <summary>Throws for an answer whose errors leave no data; an answer with data (even partial) is the caller's to map.</summary>
    private static void Classify(JsonDocument document, int status)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ProductHuntTransientException($"The answer was not a JSON object (HTTP {status}).", status);
        }

        var hasData = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
        if (
            !root.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array
            || errors.GetArrayLength() == 0
        )
        {
            if (hasData)
            {
                return;
            }

            throw new ProductHuntTransientException(
                $"The answer carried neither data nor errors (HTTP {status}).",
                status
            );
        }

        if (hasData && data.EnumerateObject().Any())
        {
            return;
        }

        var messages = new List<string>();
        var paths = new List<string>();
        var located = false;
        foreach (var error in errors.EnumerateArray())
        {
            var message =
                error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                    ? m.GetString()!
                    : error.GetRawText();
            messages.Add(message);
            if (ComplexityMessage().Match(message) is { Success: true } match)
            {
                throw new ProductHuntComplexityException(
                    $"The query was refused: {message}",
                    [message],
                    int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture),
                    int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture)
                );
            }

            located |= error.TryGetProperty("locations", out _) || error.TryGetProperty("extensions", out _);
            if (
                error.TryGetProperty("path", out var path)
                && path.ValueKind == JsonValueKind.Array
                && path.GetArrayLength() > 0
            )
            {
                located = true;
                paths.Add(path[0].ToString());
            }
        }

        if (!located)
        {
            throw new ProductHuntTransientException(
                $"The API failed inside GraphQL: {string.Join("; ", messages)}",
                status
            );
        }

        throw new ProductHuntQueryRejectedException($"The query was refused: {string.Join("; ", messages)}", messages)
        {
            Aliases = paths,
        };
    }

    private ProductHuntRateLimitException RateLimited(byte[] content, RateLimitSnapshot budget)
    {
        var resetIn = budget.ResetIn ?? TimeSpan.Zero;
        int? limit = budget.Limit,
            remaining = budget.Remaining;
        try
        {
            using var document = JsonDocument.Parse(content);
            if (
                document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0
                && errors[0].TryGetProperty("details", out var details)
            )
            {
                if (details.TryGetProperty("reset_in", out var r) && r.TryGetInt32(out var seconds))
                {
                    resetIn = TimeSpan.FromSeconds(Math.Max(0, seconds));
                }

                limit = details.TryGetProperty("limit", out var l) && l.TryGetInt32(out var lv) ? lv : limit;
                remaining =
                    details.TryGetProperty("remaining", out var rm) && rm.TryGetInt32(out var rv) ? rv : remaining;
            }
        }
        catch (JsonException)
        {
            // The headers alone then tell the reset time.
        }

        var snapshot = budget with { Limit = limit, Remaining = remaining, ResetIn = resetIn };
        _telemetry.RateLimited.Add(1);
        ClientLog.RateLimited(_logger, remaining, limit, resetIn);
        return new ProductHuntRateLimitException(
            $"The rate limit is reached ({remaining}/{limit} points); the window resets in {resetIn.TotalSeconds:0} s.",
            snapshot,
            resetIn,
            snapshot.ObservedAt + resetIn
        );
    }

    private static List<string> ErrorTexts(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            if (
                document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
            )
            {
                return
                [
                    .. errors
                        .EnumerateArray()
                        .Select(e =>
                            e.TryGetProperty("error_description", out var d) ? d.ToString()
                            : e.TryGetProperty("message", out var m) ? m.ToString()
                            : e.GetRawText()
                        ),
                ];
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to quote.
        }

        return [];
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

    [GeneratedRegex(@"Query has complexity of (\d+), which exceeds max complexity of (\d+)")]
    private static partial Regex ComplexityMessage();

    /// <summary>The API's own error code of a refusal (<c>errors[0].error</c>, e.g. <c>invalid_oauth_token</c>), if it gave a readable one.</summary>
    private static string? ErrorCodeOf(byte[] content)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(content);
            if (
                document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == System.Text.Json.JsonValueKind.Array
                && errors.GetArrayLength() > 0
                && errors[0].ValueKind == System.Text.Json.JsonValueKind.Object
                && errors[0].TryGetProperty("error", out var code)
                && code.ValueKind == System.Text.Json.JsonValueKind.String
            )
            {
                var text = code.GetString();
                // Only a code-like word: never echo arbitrary text from the answer.
                return text is { Length: > 0 and <= 64 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
                    ? text
                    : null;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: no code to name.
        }

        return null;
    }
}
