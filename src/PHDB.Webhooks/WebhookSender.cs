using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PHDB.Webhooks;

/// <summary>
/// Posts one event to one subscriber: the JSON envelope, signed, with its idempotency key; any answer other than 2xx,
/// a network error or an attempt over <see cref="WebhookOptions.AttemptTimeout"/> is retried up to
/// <see cref="WebhookOptions.RetryAttempts"/> times with exponential backoff and jitter (Polly). The only retry
/// layer: the client it is given has none of its own.
/// </summary>
public sealed partial class WebhookSender
{
    /// <summary>The name of the HttpClient the sender uses.</summary>
    public const string HttpClientName = "PHDB.Webhooks";

    /// <summary>The header holding the event's idempotency key.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The header naming the event type.</summary>
    public const string EventHeader = "PHDB-Event";

    /// <summary>The header counting the attempts of this event in a row (1 for the first).</summary>
    public const string AttemptHeader = "PHDB-Delivery-Attempt";

    private static readonly ProductInfoHeaderValue UserAgent = new("PHDB-Webhooks", "1.0");

    private readonly HttpClient http;
    private readonly WebhookTelemetry telemetry;
    private readonly ILogger<WebhookSender> logger;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    /// <summary>Creates a sender over <paramref name="http"/> with the retry and timeout settings of <paramref name="options"/>.</summary>
    public WebhookSender(
        HttpClient http,
        IOptions<WebhookOptions> options,
        TimeProvider timeProvider,
        WebhookTelemetry telemetry,
        ILogger<WebhookSender> logger
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        this.http = http;
        this.telemetry = telemetry;
        this.logger = logger;
        var settings = options.Value;
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(
                new RetryStrategyOptions<HttpResponseMessage>
                {
                    ShouldHandle = args =>
                        ValueTask.FromResult(
                            args.Outcome.Exception is HttpRequestException or TimeoutRejectedException
                                || args.Outcome.Result is { IsSuccessStatusCode: false }
                        ),
                    MaxRetryAttempts = Math.Max(settings.RetryAttempts, 0),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.RetryBaseDelay,
                    MaxDelay = settings.MaxBackoff,
                    OnRetry = args =>
                    {
                        args.Outcome.Result?.Dispose();
                        return ValueTask.CompletedTask;
                    },
                }
            )
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    /// <summary>Delivers <paramref name="delivery"/> to <paramref name="subscriber"/>, retrying as configured.</summary>
    public async Task<WebhookSendResult> SendAsync(
        WebhookSubscriberOptions subscriber,
        WebhookDelivery delivery,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(delivery);
        var name = subscriber.Name ?? "";
        var body = WebhookEnvelope.Write(delivery);
        var signature = WebhookSignature.Compute(subscriber.Secret!, body);
        var url = new Uri(subscriber.Url!, UriKind.Absolute);
        var attempts = 0;
        string? error = null;
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var request = new HttpRequestMessage(HttpMethod.Post, url);
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json")
                    {
                        CharSet = "utf-8",
                    };
                    request.Headers.UserAgent.Add(UserAgent);
                    request.Headers.Add(IdempotencyKeyHeader, delivery.Key);
                    request.Headers.Add(EventHeader, delivery.Type);
                    request.Headers.Add(WebhookSignature.Header, signature);
                    request.Headers.Add(AttemptHeader, attempts.ToString(CultureInfo.InvariantCulture));
                    try
                    {
                        var answer = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                        error = answer.IsSuccessStatusCode
                            ? null
                            : $"HTTP {(int)answer.StatusCode} {answer.ReasonPhrase}".TrimEnd();
                        return answer;
                    }
                    catch (HttpRequestException e)
                    {
                        error = e.Message;
                        throw;
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        error = "no answer within the attempt timeout";
                        throw;
                    }
                },
                cancellationToken
            );
            var delivered = response.IsSuccessStatusCode;
            Record(name, delivery, attempts, delivered, error);
            return new WebhookSendResult(delivered, attempts, delivered ? null : error);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            Record(name, delivery, attempts, delivered: false, error);
            return new WebhookSendResult(false, attempts, error ?? e.Message);
        }
    }

    private void Record(string subscriber, WebhookDelivery delivery, int attempts, bool delivered, string? error)
    {
        telemetry.Attempted(subscriber, attempts, delivered);
        if (delivered)
        {
            telemetry.Delivered(subscriber);
        }
        else
        {
            LogFailed(logger, subscriber, delivery.Type, delivery.Key, attempts, error);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Webhook {Subscriber}: {Type} {Key} not delivered after {Attempts} attempt(s): {Error}; its queue waits and tries again"
    )]
    private static partial void LogFailed(
        ILogger logger,
        string subscriber,
        string type,
        string key,
        int attempts,
        string? error
    );
}
