using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PHDB.ServiceDefaults.Tracing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The defaults every PHDB service host applies: telemetry, health checks, service discovery, resilience.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Path of the readiness endpoint: every health check must pass.</summary>
    public const string HealthPath = "/health";

    /// <summary>Path of the liveness endpoint: only checks tagged <c>live</c>.</summary>
    public const string AlivePath = "/alive";

    private const string LiveTag = "live";

    /// <summary>The exporter's time limit per export, in milliseconds, unless configured otherwise.</summary>
    private const string OtlpTimeoutKey = "OTEL_EXPORTER_OTLP_TIMEOUT";

    private const string OtlpTimeoutMilliseconds = "3000";

    /// <summary>Meters beyond ASP.NET Core's and the runtime's that PHDB exports.</summary>
    private static readonly string[] Meters = ["Microsoft.Orleans", "PHDB.*"];

    /// <summary>Activity sources beyond ASP.NET Core's and HttpClient's that PHDB exports.</summary>
    private static readonly string[] ActivitySources =
    [
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
        "PHDB.*",
    ];

    /// <summary>
    /// Adds settings from credential files (<see cref="CredentialFiles"/>), a bounded shutdown, OpenTelemetry, default
    /// health checks, service discovery and standard HttpClient resilience.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Configuration.AddCredentialFiles();
        builder.AddBoundedShutdown();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>
    /// Every stop ends the process within <see cref="ShutdownBounds.Deadline"/>: the host gives its services
    /// <see cref="ShutdownBounds.GracefulStop"/> to stop, and a watchdog, started before any other service, ends the
    /// process if stopping overruns the deadline.
    /// </summary>
    public static TBuilder AddBoundedShutdown<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownBounds.GracefulStop);
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ShutdownWatchdog>());
        return builder;
    }

    /// <summary>
    /// Logs, metrics and traces through OpenTelemetry; exported over OTLP when an endpoint is configured. Traces are
    /// sampled (<see cref="TraceSamplingOptions"/>), spans that end in error always kept; metrics are complete.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder
            .Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(Meters)
            )
            .WithTracing(tracing =>
                tracing
                    .AddSource(builder.Environment.ApplicationName)
                    .AddSource(ActivitySources)
                    .AddAspNetCoreInstrumentation(aspnet =>
                        aspnet.Filter = context =>
                            !context.Request.Path.StartsWithSegments(HealthPath)
                            && !context.Request.Path.StartsWithSegments(AlivePath)
                    )
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .SetSampler(services => new KeepOrRecordSampler(
                        services.GetRequiredService<IOptions<TraceSamplingOptions>>().Value.SampleRatio
                    ))
                    .AddProcessor<ErrorSpanKeeper>()
            );
        builder
            .Services.AddOptions<TraceSamplingOptions>()
            .BindConfiguration(TraceSamplingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Disposing the host flushes every signal through the exporter; against a collector that accepts but never
            // answers, each flush would wait the exporter's default 10 s, past the bound of a stop (ShutdownBounds).
            if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpTimeoutKey]))
            {
                builder.Configuration[OtlpTimeoutKey] = OtlpTimeoutMilliseconds;
            }

            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>A liveness check that answers as long as the process serves requests.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (all checks) and <c>/alive</c> (liveness checks only), open to anonymous callers.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .AllowAnonymous();
        return app;
    }
}
