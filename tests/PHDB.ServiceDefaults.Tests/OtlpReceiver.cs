using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PHDB.ServiceDefaults.Tests;

/// <summary>
/// An OTLP/HTTP collector on loopback that keeps the bodies of the trace exports it receives (protobuf, in which a
/// span's name appears as its UTF-8 bytes).
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<byte[]> traces = new();

    private OtlpReceiver(WebApplication app) => this.app = app;

    /// <summary>The collector's base address, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> takes it.</summary>
    public Uri Endpoint =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts a collector on a free loopback port.</summary>
    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost(
            "/v1/traces",
            async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                receiver.traces.Enqueue(body.ToArray());
                return Results.Ok();
            }
        );
        await app.StartAsync();
        return receiver;
    }

    /// <summary>How many times the spans received name <paramref name="spanName"/>.</summary>
    public int Count(string spanName)
    {
        var name = Encoding.UTF8.GetBytes(spanName);
        var count = 0;
        foreach (var body in traces)
        {
            var rest = body.AsSpan();
            for (var at = rest.IndexOf(name); at >= 0; at = rest.IndexOf(name))
            {
                count++;
                rest = rest[(at + name.Length)..];
            }
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
