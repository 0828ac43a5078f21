using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PHDB.AppHost;

/// <summary>
/// Makes every stop of the AppHost (SIGINT, SIGTERM or SIGQUIT, which the console lifetime all handles alike) stop
/// its resources before it exits: DCP runs them in process groups of their own, so a signal to the AppHost's group
/// does not reach them, and by default the AppHost only asks DCP to clean up and exits, leaving DCP to stop them on
/// its own schedule. With <c>DcpPublisher:WaitForResourceCleanup</c> the AppHost's stop waits until DCP has stopped
/// every resource, within <see cref="StopBound"/>; DCP, which monitors the AppHost, cleans up what is left after.
/// </summary>
internal static class OrderlyStop
{
    /// <summary>
    /// How long the AppHost waits for DCP to stop the resources. A silo ends within 10 s of its stop signal (its stop
    /// watchdog), PostgreSQL within a second or two (a fast shutdown), so the AppHost is gone within 15 s.
    /// </summary>
    internal static readonly TimeSpan StopBound = TimeSpan.FromSeconds(12);

    private const string WaitForResourceCleanup = "DcpPublisher:WaitForResourceCleanup";

    public static IDistributedApplicationBuilder WithOrderlyStop(this IDistributedApplicationBuilder builder)
    {
        builder.Configuration[WaitForResourceCleanup] ??= "true";
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = StopBound);
        return builder;
    }
}
