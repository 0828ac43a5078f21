using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PHDB.Runtime;

namespace PHDB.AppHost;

/// <summary>
/// Leaves the runtime file (<c>&lt;data directory&gt;/runtime.json</c>, mode 600) for the <c>phdb</c> command line once
/// the database can be reached, and removes it when the AppHost stops.
/// </summary>
internal static partial class RuntimeFileWriter
{
    /// <summary>The silos' Orleans cluster id (<c>PhdbCluster.DefaultClusterId</c>; the AppHost does not reference Orleans).</summary>
    private const string ClusterId = "phdb";

    public static void AddRuntimeFile(
        this IDistributedApplicationBuilder builder,
        PhdbHostSettings settings,
        PhdbDatabase database,
        ProductHuntApi api
    )
    {
        var startedAt = StartTime();
        var environment = builder.Environment.EnvironmentName;
        var appHostDirectory = builder.AppHostDirectory;
        var dashboardUrl = DashboardUrl(builder.Configuration["ASPNETCORE_URLS"]);
        var adminUrl = new Uri($"http://127.0.0.1:{settings.AdminPort}");

        async Task WriteAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var options = services.GetService<DistributedApplicationOptions>();
            var info = new RuntimeInfo(
                Environment.ProcessId,
                startedAt,
                environment,
                appHostDirectory,
                await database.ConnectionString.Resource.GetConnectionStringAsync(cancellationToken) ?? "",
                ClusterId,
                await api.BaseAddressAsync(cancellationToken),
                await api.Token.Resource.GetValueAsync(cancellationToken),
                adminUrl,
                options?.DisableDashboard == true ? null : dashboardUrl
            );
            await RuntimeFile.WriteAsync(settings.DataDirectory, info, cancellationToken);
            var path = RuntimeFile.PathIn(settings.DataDirectory);
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RuntimeFileWriter));
            services
                .GetRequiredService<IHostApplicationLifetime>()
                .ApplicationStopping.Register(() => RuntimeFile.Remove(settings.DataDirectory, Environment.ProcessId));
            Written(logger, path);
        }

        if (database.Server is { } server)
        {
            // The connection string holds the server's port and password: written once the server accepts connections.
            builder.Eventing.Subscribe<ResourceReadyEvent>(
                server.Resource,
                (e, cancellationToken) => WriteAsync(e.Services, cancellationToken)
            );
        }
        else
        {
            builder.Eventing.Subscribe<AfterResourcesCreatedEvent>(
                (e, cancellationToken) => WriteAsync(e.Services, cancellationToken)
            );
        }
    }

    private static DateTimeOffset StartTime()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }

    /// <summary>The dashboard's first address (<c>ASPNETCORE_URLS</c>, set from the launch profile's <c>applicationUrl</c>).</summary>
    private static Uri? DashboardUrl(string? urls)
    {
        var first = urls
            ?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        return Uri.TryCreate(first, UriKind.Absolute, out var url) ? url : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Runtime file written to {Path}")]
    private static partial void Written(ILogger logger, string path);
}
