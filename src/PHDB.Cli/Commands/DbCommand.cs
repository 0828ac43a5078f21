using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PHDB.Cli.Connection;
using PHDB.Migrations;
using Spectre.Console;

namespace PHDB.Cli.Commands;

/// <summary>
/// <c>phdb db migrate</c> (applies pending migrations, idempotent; <c>--dry-run</c> lists them) and <c>phdb db
/// status</c> (applied and pending). On an empty server <c>migrate</c> creates the database: the original's <c>init</c>.
/// </summary>
internal static class DbCommand
{
    private const string ScriptPrefix = "PHDB.Migrations.Scripts.";

    public static Command Create(CommandFactory factory)
    {
        var command = new Command("db", "The database schema: apply migrations, see which are applied and pending");
        command.Subcommands.Add(Migrate(factory));
        command.Subcommands.Add(Status(factory));
        factory.AddExamples(command, "phdb db status", "phdb db migrate --dry-run", "phdb db migrate");
        return command;
    }

    private static Command Migrate(CommandFactory factory)
    {
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "List the pending migrations without applying them",
        };
        var json = GlobalOptions.Json();
        var command = new Command(
            "migrate",
            "Create the database if needed and apply every pending migration (safe to repeat; concurrent runs wait for each other)"
        )
        {
            dryRun,
            json,
        };
        factory.AddExamples(
            command,
            "phdb db migrate",
            "phdb db migrate --dry-run",
            "PHDB_DATABASE='Host=db;Database=phdb;Username=phdb_owner' phdb db migrate   # password from ~/.pgpass"
        );
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                var target = context.Locate();
                if (context.Parse.GetValue(dryRun))
                {
                    var status = await ReadAsync(target, cancellationToken);
                    if (context.Parse.GetValue(json))
                    {
                        context.Output.Json(new { dryRun = true, pending = status.Pending.Select(Short) });
                        return ExitCodes.Ok;
                    }

                    context.Output.Line(
                        status.Pending.Count == 0
                            ? $"The schema of {target.Describe()} is current: nothing to apply."
                            : $"{status.Pending.Count} migration(s) would be applied to {target.Describe()}"
                                + (status.DatabaseExists ? ":" : " (the database would be created first):")
                    );
                    foreach (var name in status.Pending)
                    {
                        context.Output.Line($"  {Short(name)}");
                    }

                    return ExitCodes.Ok;
                }

                IReadOnlyList<string> applied;
                try
                {
                    applied = await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(
                        target.ConnectionString,
                        cancellationToken
                    );
                }
                catch (SchemaMigrationException e)
                    when (e.InnerException is { } inner && PhdbDatabase.IsUnreachable(inner))
                {
                    throw PhdbDatabase.Unreachable(target, inner);
                }
                catch (SchemaMigrationException e)
                {
                    throw new CliException(ExitCodes.Failure, e.Message, e);
                }

                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(new { dryRun = false, applied = applied.Select(Short) });
                    return ExitCodes.Ok;
                }

                context.Output.Line(
                    applied.Count == 0
                        ? $"The schema of {target.Describe()} was current: nothing applied."
                        : $"Applied {applied.Count} migration(s) to {target.Describe()}:"
                );
                foreach (var name in applied)
                {
                    context.Output.Line($"  {Short(name)}");
                }

                return ExitCodes.Ok;
            }
        );
        return command;
    }

    private static Command Status(CommandFactory factory)
    {
        var json = GlobalOptions.Json();
        var command = new Command("status", "The migrations this database has applied and those pending") { json };
        factory.AddExamples(command, "phdb db status", "phdb db status --json");
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                var target = context.Locate();
                var status = await ReadAsync(target, cancellationToken);
                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(
                        new
                        {
                            database = target.Describe(),
                            exists = status.DatabaseExists,
                            current = status.IsCurrent,
                            applied = status.Applied.Select(a => new { name = Short(a.Name), appliedAt = a.AppliedAt }),
                            pending = status.Pending.Select(Short),
                        }
                    );
                    return ExitCodes.Ok;
                }

                context.Output.Line(
                    !status.DatabaseExists ? $"{target.Describe()} does not exist yet: `phdb db migrate` creates it."
                    : status.IsCurrent ? $"{target.Describe()} is at the current schema."
                    : $"{target.Describe()} has {status.Pending.Count} pending migration(s): `phdb db migrate` applies them."
                );
                var table = context.Output.Table("Migration", "State", "Applied (UTC)");
                foreach (var script in status.Applied)
                {
                    table.AddRow(
                        Short(script.Name),
                        "applied",
                        script.AppliedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                    );
                }

                foreach (var name in status.Pending)
                {
                    table.AddRow(Short(name), "pending", "–");
                }

                context.Output.Console.Write(table);
                return ExitCodes.Ok;
            }
        );
        return command;
    }

    private static async Task<SchemaStatus> ReadAsync(PhdbTarget target, CancellationToken cancellationToken)
    {
        try
        {
            return await SchemaMigrator.GetStatusAsync(target.ConnectionString, cancellationToken);
        }
        catch (Exception e) when (PhdbDatabase.IsUnreachable(e))
        {
            throw PhdbDatabase.Unreachable(target, e);
        }
    }

    private static string Short(string name) =>
        name.StartsWith(ScriptPrefix, StringComparison.Ordinal) ? name[ScriptPrefix.Length..] : name;
}
