using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PHDB.Webhooks;

namespace PHDB.Harvest.Tests.Webhooks;

/// <summary>
/// A webhook subscriber on loopback, as a receiver would write one: it checks each request's signature with its
/// secret and records every attempt; <see cref="Answer"/> decides the status it answers.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "receiver-secret-0123456789";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<WebhookAttempt> attempts = new();

    private WebhookReceiver(WebApplication app) => this.app = app;

    /// <summary>The status to answer an attempt with; 200 by default.</summary>
    public Func<int> Answer { get; set; } = () => StatusCodes.Status200OK;

    /// <summary>How long to wait before answering.</summary>
    public TimeSpan Delay { get; set; }

    public Uri Url => new(app.Urls.Single() + "/hooks/phdb");

    /// <summary>Every attempt so far, in arrival order.</summary>
    public IReadOnlyList<WebhookAttempt> Attempts => [.. attempts];

    /// <summary>The attempts answered 2xx, in arrival order.</summary>
    public IReadOnlyList<WebhookAttempt> Accepted => [.. attempts.Where(a => a.Status is >= 200 and < 300)];

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/phdb", receiver.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        var status = Answer();
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        attempts.Enqueue(
            new WebhookAttempt(
                request.Headers[WebhookSender.IdempotencyKeyHeader].ToString(),
                request.Headers[WebhookSender.EventHeader].ToString(),
                int.Parse(
                    request.Headers[WebhookSender.AttemptHeader].ToString(),
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                WebhookSignature.Verify(Secret, body, request.Headers[WebhookSignature.Header].ToString()),
                root.GetProperty("id").GetString()!,
                root.GetProperty("type").GetString()!,
                root.GetProperty("sequence").GetInt64(),
                root.GetProperty("data").GetRawText(),
                status
            )
        );
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One request the receiver got.</summary>
internal sealed record WebhookAttempt(
    string IdempotencyKey,
    string EventHeader,
    int Attempt,
    bool SignatureValid,
    string Id,
    string Type,
    long Sequence,
    string Data,
    int Status
);
