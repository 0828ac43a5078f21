using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PHDB.ServiceDefaults.Tests;

/// <summary>
/// What a host built with the service defaults exports over OTLP: a share of whole traces, and every span that ends in
/// error whatever the share.
/// </summary>
public sealed class TraceSamplingTests
{
    private static readonly ActivitySource Source = new("PHDB.ServiceDefaults.Tests");

    [Fact]
    public async Task With_a_ratio_of_zero_only_the_spans_that_end_in_error_are_exported()
    {
        await using var exported = await ExportAsync(
            0,
            () =>
            {
                for (var i = 0; i < 20; i++)
                {
                    using var root = Source.StartActivity("ok-root");
                    using var child = Source.StartActivity("ok-child");
                    using var failed = Source.StartActivity("failed-grandchild");
                    failed?.SetStatus(ActivityStatusCode.Error, "the database went away");
                }
            }
        );

        Assert.Equal(0, exported.Count("ok-root"));
        Assert.Equal(0, exported.Count("ok-child"));
        Assert.Equal(20, exported.Count("failed-grandchild"));
    }

    [Fact]
    public async Task With_a_ratio_of_one_every_span_is_exported()
    {
        await using var exported = await ExportAsync(
            1,
            () =>
            {
                for (var i = 0; i < 20; i++)
                {
                    using var root = Source.StartActivity("ok-root");
                    using var child = Source.StartActivity("ok-child");
                }
            }
        );

        Assert.Equal(20, exported.Count("ok-root"));
        Assert.Equal(20, exported.Count("ok-child"));
    }

    [Fact]
    public async Task A_share_of_traces_is_exported_whole()
    {
        await using var exported = await ExportAsync(
            0.25,
            () =>
            {
                for (var i = 0; i < 400; i++)
                {
                    using var root = Source.StartActivity("ok-root");
                    using var child = Source.StartActivity("ok-child");
                }
            }
        );

        // 100 expected; the bounds lie more than five standard deviations away.
        var roots = exported.Count("ok-root");
        Assert.InRange(roots, 50, 150);
        Assert.Equal(roots, exported.Count("ok-child"));
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a host with the service defaults and <c>Telemetry:Traces:SampleRatio</c> =
    /// <paramref name="ratio"/>, exporting to a collector; the host is disposed (every span flushed) before it returns.
    /// </summary>
    private static async Task<OtlpReceiver> ExportAsync(double ratio, Action work)
    {
        var receiver = await OtlpReceiver.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString();
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.Configuration["Telemetry:Traces:SampleRatio"] = ratio.ToString(CultureInfo.InvariantCulture);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDefaults();
        using (var host = builder.Build())
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            work();
            await host.StopAsync(TestContext.Current.CancellationToken);
        }

        return receiver;
    }
}
