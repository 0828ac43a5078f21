using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PHDB.Testing;

namespace PHDB.AppHost.Tests.Secrets;

/// <summary>
/// An OTLP/HTTP receiver on loopback that keeps every export's (decompressed) protobuf body. Each resource is given
/// its own base address, <c>http://127.0.0.1:port/&lt;resource&gt;</c>, so an export tells which resource sent it.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    /// <summary>The three OTLP signals, as they appear in the export paths (<c>/v1/traces</c>, …).</summary>
    public static readonly IReadOnlyList<string> Signals = ["traces", "logs", "metrics"];

    private readonly WebApplication app;
    private readonly ConcurrentQueue<OtlpExport> exports = new();

    private OtlpCollector(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The collector's base address.</summary>
    public Uri Address { get; }

    /// <summary>Every export received so far.</summary>
    public IReadOnlyList<OtlpExport> Exports => [.. exports];

    /// <summary>Starts a collector on a free loopback port.</summary>
    public static async Task<OtlpCollector> StartAsync(CancellationToken cancellationToken)
    {
        var port = LoopbackPort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var collector = new OtlpCollector(app, new Uri($"http://127.0.0.1:{port}/"));
        app.Run(collector.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        return collector;
    }

    /// <summary>The OTLP endpoint to give <paramref name="resource"/> (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public Uri EndpointFor(string resource) => new(Address, Uri.EscapeDataString(resource));

    /// <summary>Whether <paramref name="resource"/> has exported <paramref name="signal"/> at least once.</summary>
    public bool HasReceived(string resource, string signal) =>
        exports.Any(e => e.Resource == resource && e.Signal == signal && e.Body.Length > 0);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        // POST /<resource>/v1/<signal>
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (!HttpMethods.IsPost(context.Request.Method) || segments is not [var resource, "v1", var signal])
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var body = new MemoryStream();
        var encoding = context.Request.Headers.ContentEncoding.ToString();
        if (encoding.Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gzip = new GZipStream(context.Request.Body, CompressionMode.Decompress);
            await gzip.CopyToAsync(body, context.RequestAborted);
        }
        else
        {
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        }

        exports.Enqueue(new OtlpExport(Uri.UnescapeDataString(resource), signal, body.ToArray()));

        // An empty Export…ServiceResponse: everything accepted.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }
}

/// <summary>One OTLP export as received.</summary>
/// <param name="Resource">The resource that sent it.</param>
/// <param name="Signal"><c>traces</c>, <c>logs</c> or <c>metrics</c>.</param>
/// <param name="Body">The protobuf body, decompressed.</param>
public sealed record OtlpExport(string Resource, string Signal, byte[] Body);
