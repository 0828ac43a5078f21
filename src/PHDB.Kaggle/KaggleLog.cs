using Microsoft.Extensions.Logging;

namespace PHDB.Kaggle;

/// <summary>The client's log messages. None carries a credential, an Authorization header or an upload address.</summary>
internal static partial class KaggleLog
{
    [LoggerMessage(1, LogLevel.Debug, "Kaggle {Method}: HTTP {Status} in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string method, int status, long elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "Kaggle {Operation}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(
        3,
        LogLevel.Warning,
        "Kaggle refused the credentials ({Scheme} from {Source}) on {Method}: HTTP {Status}"
    )]
    public static partial void Refused(
        ILogger logger,
        string method,
        int status,
        KaggleAuthScheme scheme,
        string source
    );

    [LoggerMessage(4, LogLevel.Information, "Uploading {File} ({Bytes} bytes) in chunks of {ChunkBytes} bytes")]
    public static partial void UploadStarting(ILogger logger, string file, long bytes, int chunkBytes);

    [LoggerMessage(
        5,
        LogLevel.Information,
        "Upload of {File}: Kaggle holds {Confirmed} of {Bytes} bytes; resuming there"
    )]
    public static partial void UploadResuming(ILogger logger, string file, long confirmed, long bytes);

    [LoggerMessage(
        6,
        LogLevel.Warning,
        "Upload of {File} expired (HTTP {Status}); starting it again (start {Start} of {Starts})"
    )]
    public static partial void UploadExpired(ILogger logger, string file, int status, int start, int starts);

    [LoggerMessage(7, LogLevel.Information, "Uploaded {File}: {Bytes} bytes in {ElapsedMs} ms ({Sent} bytes sent)")]
    public static partial void Uploaded(ILogger logger, string file, long bytes, long elapsedMs, long sent);

    [LoggerMessage(8, LogLevel.Debug, "Dataset {Dataset}: {Status}")]
    public static partial void Status(ILogger logger, string dataset, string status);

    [LoggerMessage(
        9,
        LogLevel.Warning,
        "Kaggle {Method}: the answer to an earlier attempt was lost, but {Dataset} already shows it (version {Version}); not sending it again"
    )]
    public static partial void AlreadyApplied(ILogger logger, string method, string dataset, int version);
}
