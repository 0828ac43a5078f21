using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PHDB.Harvest.Processing;

namespace PHDB.Harvest.Plugins;

/// <summary>
/// The processor plugins of this silo: loaded once from <see cref="ProcessorPluginOptions.Directory"/> as the pipeline
/// is built, added to it as isolated <see cref="ProcessorPluginStage"/>s, and reported with what they did.
/// </summary>
public sealed partial class ProcessorPlugins : IBatchProcessorSource
{
    private readonly IReadOnlyList<ProcessorPluginStage> stages;
    private readonly IReadOnlyList<ProcessorPluginLoad> notLoaded;

    /// <summary>Loads the plugins the options name and logs what was loaded and what was not.</summary>
    public ProcessorPlugins(IOptions<ProcessorPluginOptions> options, ILogger<ProcessorPlugins> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loads = string.IsNullOrWhiteSpace(options.Value.Directory)
            ? []
            : ProcessorPluginLoader.Load(options.Value.Directory);
        notLoaded = [.. loads.Where(l => l.Processor is null)];
        foreach (var failed in notLoaded)
        {
            LogNotLoaded(logger, failed.Name, failed.Error!);
        }

        stages =
        [
            .. loads
                .Where(l => l.Processor is not null)
                .Select(l =>
                {
                    LogLoaded(logger, l.Name, l.Version, l.Priority, l.Path);
                    var stage = new ProcessorPluginStage(l, options.Value);
                    stage.Failed += (name, error, switchedOff) =>
                    {
                        if (switchedOff)
                        {
                            LogSwitchedOff(logger, name, error, options.Value.MaxConsecutiveFailures);
                        }
                        else
                        {
                            LogFailed(logger, name, error);
                        }
                    };
                    return stage;
                }),
        ];
    }

    /// <inheritdoc />
    public IReadOnlyList<IBatchProcessor> Processors => stages;

    /// <summary>Every plugin processor with what it did, and the plugins that could not be loaded.</summary>
    public IReadOnlyList<ProcessorPluginStatus> Statuses =>
        [
            .. stages.Select(s => s.Status),
            .. notLoaded.Select(l => new ProcessorPluginStatus(
                l.Name,
                l.Version,
                l.Priority,
                ProcessorPluginState.NotLoaded,
                0,
                0,
                l.Error
            )),
        ];

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Processor plugin {Name} {Version} loaded (priority {Priority}) from {Path}"
    )]
    private static partial void LogLoaded(ILogger logger, string name, string version, int priority, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processor plugin {Name} was not loaded: {Error}")]
    private static partial void LogNotLoaded(ILogger logger, string name, string error);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Processor plugin {Name} failed a batch, written without its findings: {Error}"
    )]
    private static partial void LogFailed(ILogger logger, string name, string error);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Processor plugin {Name} failed {Failures} batches in a row and is switched off until the silo restarts: {Error}"
    )]
    private static partial void LogSwitchedOff(ILogger logger, string name, string error, int failures);
}
