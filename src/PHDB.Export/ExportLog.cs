using Microsoft.Extensions.Logging;

namespace PHDB.Export;

/// <summary>The export's log messages.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Information,
        Message = "Export {Name} started: {Layout} layout as {Formats}"
    )]
    public static partial void Started(ILogger logger, string name, string layout, string formats);

    [LoggerMessage(
        EventId = 2,
        Level = LogLevel.Information,
        Message = "Export {Name} completed in {Seconds:F1} s: {Rows} rows, {Bytes} bytes in {Directory}"
    )]
    public static partial void Completed(
        ILogger logger,
        string name,
        double seconds,
        long rows,
        long bytes,
        string directory
    );

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Export {Name} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string name, string reason, Exception exception);

    [LoggerMessage(
        EventId = 4,
        Level = LogLevel.Information,
        Message = "Removed the unfinished export folder {Folder}"
    )]
    public static partial void RemovedPartial(ILogger logger, string folder);

    [LoggerMessage(
        EventId = 5,
        Level = LogLevel.Information,
        Message = "Removed export {Name} (keeping the newest {Keep})"
    )]
    public static partial void RemovedOld(ILogger logger, string name, int keep);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Exported table {Table}: {Rows} rows")]
    public static partial void TableDone(ILogger logger, string table, long rows);
}
