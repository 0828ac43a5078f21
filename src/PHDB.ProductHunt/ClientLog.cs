using Microsoft.Extensions.Logging;

namespace PHDB.ProductHunt;

/// <summary>The client's log messages. None carries a token or a secret.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(
        1,
        LogLevel.Debug,
        "Sent {Operation} with {Aliases} aliases (estimated complexity {Complexity}): HTTP {Status}, budget {Remaining}/{Limit}, reset in {ResetIn}"
    )]
    public static partial void Answered(
        ILogger logger,
        string operation,
        int aliases,
        int complexity,
        int status,
        int? remaining,
        int? limit,
        TimeSpan? resetIn
    );

    [LoggerMessage(2, LogLevel.Warning, "Transient fault on attempt {Attempt} ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(
        3,
        LogLevel.Warning,
        "Circuit opened for {BreakDuration} after repeated transient faults ({Reason})"
    )]
    public static partial void CircuitOpened(ILogger logger, TimeSpan breakDuration, string reason);

    [LoggerMessage(4, LogLevel.Information, "Circuit half-open: letting one request through")]
    public static partial void CircuitHalfOpened(ILogger logger);

    [LoggerMessage(5, LogLevel.Information, "Circuit closed")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(6, LogLevel.Warning, "Rejected a node of {Alias} at {Path}: field {Field} = {Value}: {Reason}")]
    public static partial void NodeRejected(
        ILogger logger,
        string alias,
        string path,
        string field,
        string? value,
        string reason
    );

    [LoggerMessage(
        7,
        LogLevel.Information,
        "A pack of {Aliases} aliases (estimated {Estimate}) exceeded the complexity cap ({Complexity} > {Cap}); splitting"
    )]
    public static partial void ComplexitySplit(ILogger logger, int aliases, int estimate, int complexity, int cap);

    [LoggerMessage(8, LogLevel.Warning, "Rate limit reached: {Remaining}/{Limit} points, window resets in {ResetIn}")]
    public static partial void RateLimited(ILogger logger, int? remaining, int? limit, TimeSpan resetIn);

    [LoggerMessage(9, LogLevel.Information, "Exchanged the client credentials for a {Scope}-scope token")]
    public static partial void TokenExchanged(ILogger logger, string scope);

    [LoggerMessage(10, LogLevel.Warning, "The API refused the token (HTTP {Status})")]
    public static partial void AuthenticationFailed(ILogger logger, int status);
}
