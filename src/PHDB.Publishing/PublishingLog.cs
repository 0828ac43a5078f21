using Microsoft.Extensions.Logging;

namespace PHDB.Publishing;

/// <summary>The publications' log messages. None carries a credential: at most where credentials were read.</summary>
internal static partial class PublishingLog
{
    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Information,
        Message = "Publication {Id} started ({Origin}) on {Host}"
    )]
    public static partial void Started(ILogger logger, long id, string origin, string host);

    [LoggerMessage(
        EventId = 2,
        Level = LogLevel.Information,
        Message = "Publication {Id} plans {Files} files ({Bytes} bytes) of export {Export} for {Dataset}"
    )]
    public static partial void Planned(ILogger logger, long id, int files, long bytes, string export, string dataset);

    [LoggerMessage(
        EventId = 3,
        Level = LogLevel.Warning,
        Message = "Publication {Id} of {Dataset} failed while {Stage}: {Error}"
    )]
    public static partial void Failed(ILogger logger, long id, string dataset, string stage, string error);

    [LoggerMessage(
        EventId = 4,
        Level = LogLevel.Information,
        Message = "Publication {Id} uses the Kaggle credentials from {Source}"
    )]
    public static partial void UsingCredentials(ILogger logger, long id, string source);

    [LoggerMessage(
        EventId = 5,
        Level = LogLevel.Information,
        Message = "Publication {Id} uploads {Name} ({Bytes} bytes)"
    )]
    public static partial void Uploading(ILogger logger, long id, string name, long bytes);

    [LoggerMessage(
        EventId = 6,
        Level = LogLevel.Information,
        Message = "Publication {Id} {Action} {Dataset}, expecting version {Version}"
    )]
    public static partial void Committing(ILogger logger, long id, string action, string dataset, int version);

    [LoggerMessage(
        EventId = 7,
        Level = LogLevel.Warning,
        Message = "Kaggle did not know these tags of {Dataset}: {Tags}"
    )]
    public static partial void InvalidTags(ILogger logger, string dataset, string tags);

    [LoggerMessage(
        EventId = 8,
        Level = LogLevel.Information,
        Message = "Publication {Id} published version {Version} of {Dataset} in {Seconds:F1} s"
    )]
    public static partial void Succeeded(ILogger logger, long id, int version, string dataset, double seconds);

    [LoggerMessage(
        EventId = 9,
        Level = LogLevel.Warning,
        Message = "Publication {Id} was cancelled while {Stage}: Kaggle may have created version {Version} of {Dataset}, so it stays running until resumed"
    )]
    public static partial void LeftRunning(ILogger logger, long id, string stage, int? version, string dataset);

    [LoggerMessage(
        EventId = 10,
        Level = LogLevel.Information,
        Message = "Publication {Id}: Kaggle already has version {Version} of {Dataset}; it is not created again"
    )]
    public static partial void AlreadyCommitted(ILogger logger, long id, int version, string dataset);

    [LoggerMessage(
        EventId = 11,
        Level = LogLevel.Information,
        Message = "Publication {Id} resumes from {Stage}: uploading and committing again from {Directory}"
    )]
    public static partial void Redoing(ILogger logger, long id, PublicationStage stage, string directory);

    [LoggerMessage(
        EventId = 12,
        Level = LogLevel.Information,
        Message = "Dry run for {Dataset}: {Files} files, {Bytes} bytes, {Problems} problems"
    )]
    public static partial void DryRun(ILogger logger, string dataset, int files, long bytes, int problems);

    [LoggerMessage(
        EventId = 13,
        Level = LogLevel.Warning,
        Message = "Publication {Id} was abandoned by its host {Host} while {Stage}; recorded as {Outcome}"
    )]
    public static partial void Settled(ILogger logger, long id, string host, string stage, string outcome);

    [LoggerMessage(
        EventId = 14,
        Level = LogLevel.Information,
        Message = "Kaggle could not be asked whether {Dataset} exists during a dry run: {Reason}"
    )]
    public static partial void DryRunUnanswered(ILogger logger, string dataset, string reason);
}
