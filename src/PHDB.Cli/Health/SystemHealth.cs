using System.Diagnostics;
using PHDB.Cli.Commands;
using PHDB.Cli.Connection;
using PHDB.Grains;
using PHDB.Migrations;

namespace PHDB.Cli.Health;

/// <summary>The checks of <c>phdb health</c>: database, API, cluster and disk, run side by side, each bounded.</summary>
internal static class SystemHealth
{
    private static readonly TimeSpan ClusterTimeout = TimeSpan.FromSeconds(10);

    public static async Task<HealthReport> CheckAsync(CliContext context, CancellationToken cancellationToken)
    {
        PhdbTarget? target = null;
        string? notFound = null;
        try
        {
            target = context.Locate();
        }
        catch (CliException e)
        {
            notFound = e.Message;
        }

        var checks = await Task.WhenAll(
            TimedAsync("database", () => DatabaseAsync(target, notFound, cancellationToken)),
            TimedAsync("api", () => ApiAsync(context, cancellationToken)),
            TimedAsync("cluster", () => ClusterAsync(context, target, notFound, cancellationToken)),
            TimedAsync("disk", () => Task.FromResult(DiskSpaceCheck.Check(context.DataDirectory)))
        );
        return HealthReport.Of(checks);
    }

    private static async Task<HealthCheckResult> TimedAsync(
        string name,
        Func<Task<(HealthState State, string Message)>> check
    )
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var (state, message) = await check();
            return new HealthCheckResult(name, state, message, Math.Round(watch.Elapsed.TotalMilliseconds, 1));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(
                name,
                HealthState.Fail,
                e is CliException ? e.Message : e.GetBaseException().Message,
                Math.Round(watch.Elapsed.TotalMilliseconds, 1)
            );
        }
    }

    private static async Task<(HealthState, string)> DatabaseAsync(
        PhdbTarget? target,
        string? notFound,
        CancellationToken cancellationToken
    )
    {
        if (target is null)
        {
            return (HealthState.Fail, notFound!);
        }

        SchemaStatus status;
        try
        {
            status = await SchemaMigrator.GetStatusAsync(target.ConnectionString, cancellationToken);
        }
        catch (Exception e) when (PhdbDatabase.IsUnreachable(e))
        {
            return (HealthState.Fail, PhdbDatabase.Unreachable(target, e).Message);
        }

        return !status.DatabaseExists
                ? (HealthState.Fail, $"{target.Describe()} does not exist: `phdb db migrate` creates it")
            : status.IsCurrent
                ? (
                    HealthState.Pass,
                    $"{target.Describe()} reachable, schema current ({status.Applied.Count} migrations)"
                )
            : (
                HealthState.Warn,
                $"{target.Describe()} reachable, {status.Pending.Count} migration(s) pending: `phdb db migrate`"
            );
    }

    private static async Task<(HealthState, string)> ApiAsync(CliContext context, CancellationToken cancellationToken)
    {
        var access = ApiAccess.Resolve(null, null, context.DataDirectory);
        if (access.Token is null)
        {
            return (HealthState.Warn, $"no token configured for {access.BaseAddress}: set {ApiAccess.TokenSetting}");
        }

        try
        {
            var report = await VerifyCommand.CheckAsync(access, cancellationToken);
            return (
                HealthState.Pass,
                $"{report.Api} reachable, token {report.Token} valid"
                    + (report.Remaining is { } r ? $", {r} of {report.Limit} points left" : "")
            );
        }
        catch (CliException e) when (e.ExitCode == ExitCodes.TemporaryFailure)
        {
            return (HealthState.Warn, e.Message);
        }
    }

    private static async Task<(HealthState, string)> ClusterAsync(
        CliContext context,
        PhdbTarget? target,
        string? notFound,
        CancellationToken cancellationToken
    )
    {
        if (target is null)
        {
            return (HealthState.Fail, notFound!);
        }

        await using var session = await ClusterSession.ConnectAsync(
            target,
            context.Verbose,
            ClusterTimeout,
            cancellationToken
        );
        var snapshot = await session.Client.GetGrain<IClusterStatusGrain>(0).GetSnapshot();
        var dead = snapshot.Silos.Count(s => !s.IsActive);
        return snapshot.ActiveSilos == 0
            ? (HealthState.Fail, "no active silo")
            : (
                HealthState.Pass,
                $"{snapshot.ActiveSilos} active silo(s)" + (dead > 0 ? $", {dead} no longer active" : "")
            );
    }
}
