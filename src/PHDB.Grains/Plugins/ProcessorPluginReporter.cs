using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PHDB.Harvest.Plugins;

namespace PHDB.Grains.Plugins;

/// <summary>Reports this silo's processor plugins to <see cref="IProcessorPluginsGrain"/> every few seconds.</summary>
public sealed partial class ProcessorPluginReporter(
    ProcessorPlugins plugins,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    TimeProvider timeProvider,
    ILogger<ProcessorPluginReporter> logger
) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first report after an interval: the silo joins the cluster meanwhile.
        using var timer = new PeriodicTimer(IProcessorPluginsGrain.ReportInterval, timeProvider);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await grains.GetGrain<IProcessorPluginsGrain>(0).Report(Report());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                LogReportFailed(logger, e.Message);
            }
        }
    }

    private SiloPlugins Report() =>
        new(
            silo.Name,
            timeProvider.GetUtcNow(),
            [
                .. plugins.Statuses.Select(s => new PluginReport(
                    s.Name,
                    s.Version,
                    s.Priority,
                    s.State.ToString(),
                    s.Batches,
                    s.Failures,
                    s.LastError
                )),
            ]
        );

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The processor plugins could not be reported: {Error}")]
    private static partial void LogReportFailed(ILogger logger, string error);
}
