using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PHDB.Kaggle.Wire;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PHDB.Kaggle.Http;

/// <summary>
/// Kaggle's RPC framing (<c>POST {endpoint}/v1/{service}/{method}</c>, JSON, errors as <c>{"code", "message"}</c>) and
/// the one retry layer: a Polly pipeline (exponential backoff from <see cref="KaggleOptions.RetryBaseDelay"/>, up to
/// <see cref="KaggleOptions.MaxAttempts"/> attempts, each limited to <see cref="KaggleOptions.RequestTimeout"/>) that
/// retries 408, 429, 5xx, dropped connections and timeouts. Owns its HTTP clients: one for the API, which carries the
/// credentials, and one for upload addresses, which carries no Authorization at all.
/// </summary>
internal sealed class KaggleTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private readonly KaggleOptions _options;
    private readonly KaggleCredentials _credentials;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HttpMessageHandler _handler;
    private readonly bool _ownsHandler;
    private readonly ResiliencePipeline _pipeline;
    private readonly string _base;

    public KaggleTransport(
        KaggleOptions options,
        KaggleCredentials credentials,
        ILogger logger,
        TimeProvider time,
        HttpMessageHandler? handler
    )
    {
        _options = options;
        _credentials = credentials;
        _logger = logger;
        _time = time;
        _base = options.Endpoint.TrimEnd('/');
        _ownsHandler = handler is null;
        _handler =
            handler
            ?? new SocketsHttpHandler
            {
                // 308 answers the upload protocol's probes; it is never a redirect to follow.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = options.RequestTimeout,
            };
        Api = new HttpClient(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        Api.DefaultRequestHeaders.Authorization = credentials.Header();
        Api.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("PHDB", "1.0"));
        Uploads = new HttpClient(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        _pipeline = BuildPipeline();
    }

    /// <summary>The client for API calls (with the Authorization header).</summary>
    public HttpClient Api { get; }

    /// <summary>The client for upload addresses: no Authorization, no Kaggle header.</summary>
    public HttpClient Uploads { get; }

    public KaggleOptions Options => _options;

    public ILogger Logger => _logger;

    public TimeProvider Time => _time;

    /// <summary>
    /// Runs <paramref name="attempt"/> (given its 1-based number) through the retry pipeline; when every attempt
    /// failed, throws <see cref="KaggleException"/> (<see cref="KaggleFailure.ServerError"/> when Kaggle kept
    /// answering with errors, <see cref="KaggleFailure.Unreachable"/> when it did not answer).
    /// </summary>
    public async Task<T> ExecuteAsync<T>(
        string operation,
        Func<int, CancellationToken, ValueTask<T>> attempt,
        CancellationToken cancellationToken
    )
    {
        using var activity = KaggleTelemetry.Source.StartActivity($"Kaggle {operation}", ActivityKind.Client);
        activity?.SetTag("rpc.system", "kaggle");
        activity?.SetTag("rpc.method", operation);
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            var result = await _pipeline.ExecuteAsync(
                async (ctx, _) =>
                {
                    attempts++;
                    return await attempt(attempts, ctx.CancellationToken);
                },
                context,
                0
            );
            activity?.SetTag("phdb.kaggle.attempts", attempts);
            return result;
        }
        catch (Exception e) when (Exhausted(e) is { } failure)
        {
            activity?.SetTag("phdb.kaggle.attempts", attempts);
            activity?.SetStatus(ActivityStatusCode.Error, failure.Failure.ToString());
            throw new KaggleException(
                failure.Failure,
                $"Kaggle {operation} failed after {attempts} attempt{(attempts == 1 ? "" : "s")}: {failure.Reason}.",
                failure.Status,
                e
            );
        }
        catch (KaggleException e)
        {
            activity?.SetTag("phdb.kaggle.attempts", attempts);
            activity?.SetStatus(ActivityStatusCode.Error, e.Failure.ToString());
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One POST of an RPC; the parsed answer of a 2xx. Throws <see cref="KaggleException"/> for answers not worth
    /// retrying (401/403, 404, other 4xx), <see cref="TransientFailure"/> for the others.
    /// </summary>
    public async ValueTask<JsonDocument> PostOnceAsync(
        string service,
        string method,
        byte[] body,
        CancellationToken cancellationToken
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{_base}/v1/{service}/{method}"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = JsonType;
        var started = _time.GetTimestamp();
        byte[] content;
        HttpStatusCode code;
        TimeSpan? retryAfter;
        string? reason;
        try
        {
            using var response = await Api.SendAsync(
                request,
                HttpCompletionOption.ResponseHeadersRead,
                cancellationToken
            );
            code = response.StatusCode;
            retryAfter = RetryAfterOf(response);
            reason = response.ReasonPhrase;
            content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            KaggleTelemetry.Request(method, "connection");
            throw;
        }
        catch (OperationCanceledException)
        {
            // The attempt's timeout or the caller's cancellation.
            KaggleTelemetry.Request(method, "cancelled");
            throw;
        }

        var status = (int)code;
        JsonDocument? document = null;
        try
        {
            document = content.Length == 0 ? null : JsonDocument.Parse(content);
        }
        catch (JsonException)
        {
            // Not JSON: an error answer is described by its status; a 2xx is an unreadable answer.
        }

        // Kaggle's client reads an error from a JSON body's code before the HTTP status.
        if (status < 400 && document is not null && WireJson.ErrorCode(document.RootElement) is >= 400 and var inBody)
        {
            status = inBody;
        }

        KaggleLog.Answered(_logger, method, status, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        KaggleTelemetry.Request(method, status is >= 200 and < 300 ? "ok" : $"http_{status}");
        if (status is >= 200 and < 300)
        {
            if (document is not null)
            {
                return document;
            }

            if (content.Length == 0)
            {
                return JsonDocument.Parse("{}");
            }

            throw new TransientFailure($"HTTP {status} with an answer that is not JSON", status);
        }

        document?.Dispose();
        var message = _credentials.Redact(WireJson.ErrorMessage(content) ?? reason ?? $"HTTP {status}");
        switch (status)
        {
            case 401 or 403:
                KaggleLog.Refused(_logger, method, status, _credentials.Scheme, _credentials.Source);
                throw new KaggleException(KaggleFailure.Unauthorized, Unauthorized(method, status, message), status);
            case 404:
                throw new KaggleException(
                    KaggleFailure.NotFound,
                    $"Kaggle {method}: not found (HTTP 404: {message}).",
                    status
                );
            case 408 or 429 or >= 500:
                throw new TransientFailure($"HTTP {status}", status, retryAfter);
            default:
                throw new KaggleException(
                    KaggleFailure.InvalidRequest,
                    $"Kaggle refused {method} (HTTP {status}): {message}",
                    status
                );
        }
    }

    /// <summary>The message of refused credentials: which ones (source, last characters) and where they are read from.</summary>
    public string Unauthorized(string method, int status, string message) =>
        $"Kaggle refused the credentials on {method} (HTTP {status}: {message}): the "
        + (_credentials.Scheme == KaggleAuthScheme.Bearer ? "API token" : $"legacy key of {_credentials.Username}")
        + $" {_credentials.Masked} read from {_credentials.Source}. Credentials are read from, in order: "
        + $"{KaggleCredentialLocator.Describe()}.";

    public void Dispose()
    {
        Api.Dispose();
        Uploads.Dispose();
        if (_ownsHandler)
        {
            _handler.Dispose();
        }
    }

    /// <summary>How a failure is told in logs: never an exception's own message, which could quote an address.</summary>
    public static string Describe(Exception? exception) =>
        exception switch
        {
            TransientFailure t => t.Message,
            HttpRequestException h => $"connection failed: {h.HttpRequestError}",
            IOException => "connection dropped",
            TimeoutRejectedException t => $"no answer within {t.Timeout}",
            null => "no exception",
            _ => exception.GetType().Name,
        };

    /// <summary>The wait an answer asks for (<c>Retry-After</c>), if any.</summary>
    public TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow(),
            _ => null,
        };

    private static (KaggleFailure Failure, string Reason, int? Status)? Exhausted(Exception exception) =>
        exception switch
        {
            TransientFailure { StatusCode: { } status } t => (KaggleFailure.ServerError, t.Message, status),
            TransientFailure t => (KaggleFailure.ServerError, t.Message, null),
            TimeoutRejectedException or HttpRequestException or IOException => (
                KaggleFailure.Unreachable,
                Describe(exception),
                null
            ),
            _ => null,
        };

    private static bool Transient(Exception? exception) =>
        exception is TransientFailure or HttpRequestException or IOException or TimeoutRejectedException;

    private ResiliencePipeline BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(
                new RetryStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(Transient(args.Outcome.Exception)),
                    MaxRetryAttempts = _options.MaxAttempts - 1,
                    Delay = _options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    MaxDelay = TimeSpan.FromTicks(
                        Math.Max(TimeSpan.FromMinutes(1).Ticks, _options.RetryBaseDelay.Ticks)
                    ),
                    DelayGenerator = args =>
                        ValueTask.FromResult<TimeSpan?>(
                            args.Outcome.Exception is TransientFailure { RetryAfter: { } wait } && wait > TimeSpan.Zero
                                ? TimeSpan.FromTicks(Math.Min(wait.Ticks, TimeSpan.FromMinutes(5).Ticks))
                                : null
                        ),
                    OnRetry = args =>
                    {
                        var operation = args.Context.OperationKey ?? "request";
                        KaggleTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("kaggle.method", operation));
                        KaggleLog.Retrying(
                            _logger,
                            operation,
                            args.AttemptNumber + 1,
                            Describe(args.Outcome.Exception),
                            args.RetryDelay
                        );
                        return default;
                    },
                }
            );
        }

        builder.AddTimeout(_options.RequestTimeout);
        return builder.Build();
    }
}
