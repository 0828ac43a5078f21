using System.CommandLine;
using PHDB.Cli.Health;
using Spectre.Console;

namespace PHDB.Cli.Commands;

/// <summary>
/// <c>phdb health</c>: database (reachable, schema current), API (reachable, token valid), cluster (active silos) and
/// disk (free space); exit 0 healthy, 2 degraded, 1 unhealthy.
/// </summary>
internal static class HealthCommand
{
    public static Command Create(CommandFactory factory)
    {
        var json = GlobalOptions.Json();
        var command = new Command(
            "health",
            "Check the database, the API and token, the cluster and the disk; exit 0 healthy, 2 degraded, 1 unhealthy"
        )
        {
            json,
        };
        factory.AddExamples(
            command,
            "phdb health",
            "phdb health --json",
            "phdb health || notify-send 'PHDB needs attention'"
        );
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                var report = await SystemHealth.CheckAsync(context, cancellationToken);
                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(report);
                    return report.ExitCode;
                }

                var table = context.Output.Table("Check", "Status", "Message");
                foreach (var check in report.Checks)
                {
                    var status = check.Status.ToString().ToLowerInvariant();
                    table.AddRow(
                        new Text(check.Name),
                        context.Output.IsPlain
                            ? new Text(status)
                            : new Markup(
                                check.Status switch
                                {
                                    HealthState.Pass => "[green]pass[/]",
                                    HealthState.Warn => "[yellow]warn[/]",
                                    _ => "[red]fail[/]",
                                }
                            ),
                        new Text(check.Message)
                    );
                }

                context.Output.Console.Write(table);
                context.Output.Line($"PHDB is {report.Status}.");
                return report.ExitCode;
            }
        );
        return command;
    }
}
