namespace PHDB.Simulator.Api;

/// <summary>The simulator's log messages.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(
        1,
        LogLevel.Information,
        "Simulated world ready in {ElapsedMs} ms: {Posts} posts ({Visible} launched by {Now}), {Users} users, {Topics} topics, {Collections} collections, seed {Seed}"
    )]
    public static partial void WorldReady(
        ILogger logger,
        long elapsedMs,
        int posts,
        int visible,
        string now,
        int users,
        int topics,
        int collections,
        int seed
    );

    [LoggerMessage(
        2,
        LogLevel.Information,
        "Application {Application}: developer token {TokenHint}…, owner user {OwnerId}"
    )]
    public static partial void ApplicationReady(ILogger logger, string application, string tokenHint, long ownerId);

    [LoggerMessage(
        3,
        LogLevel.Debug,
        "Rate limit reached for {Application}: remaining {Remaining}, reset in {ResetIn} s"
    )]
    public static partial void RateLimited(ILogger logger, string application, int remaining, int resetIn);

    [LoggerMessage(4, LogLevel.Debug, "Injected fault {Fault} for {Application}")]
    public static partial void FaultInjected(ILogger logger, FaultKind fault, string application);

    [LoggerMessage(5, LogLevel.Information, "Simulated clock advanced to {Now}")]
    public static partial void ClockAdvanced(ILogger logger, string now);

    [LoggerMessage(6, LogLevel.Error, "A resolver failed")]
    public static partial void ResolverFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "Faults replaced")]
    public static partial void FaultsReplaced(ILogger logger);
}
