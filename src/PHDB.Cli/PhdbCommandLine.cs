using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Microsoft.Extensions.Configuration;
using PHDB.Cli.Commands;
using PHDB.Cli.Output;
using PHDB.Runtime;

namespace PHDB.Cli;

/// <summary>The <c>phdb</c> command tree, and how a run maps errors to one line and an exit code.</summary>
internal static class PhdbCommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Build(CliOutput output)
    {
        var globals = new GlobalOptions();
        var factory = new CommandFactory(globals, output);
        var root = new RootCommand(
            """
            phdb: the command line of PHDB, a complete and fresh copy of Product Hunt in PostgreSQL.

            It finds a PHDB started with `dotnet run --project PHDB.AppHost` on this machine by itself; elsewhere give
            --database or PHDB_DATABASE.
            """
        );
        factory.AddExamples(root, "phdb status", "phdb sync --incremental --follow", "phdb health --json");
        globals.AddTo(root);
        foreach (var command in Commands(factory))
        {
            root.Subcommands.Add(command);
        }

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!, factory.Examples);

        return root;
    }

    private static IEnumerable<Command> Commands(CommandFactory factory)
    {
        yield return StatusCommand.Create(factory);
        yield return SyncCommand.Create(factory);
        yield return RunsCommand.Create(factory);
        yield return ExportCommand.Create(factory);
        yield return PublishCommand.Create(factory);
        yield return VerifyCommand.Create(factory);
        yield return DbCommand.Create(factory);
        yield return HealthCommand.Create(factory);
        yield return ConfigCommand.Create(factory);
        yield return EventsCommand.Create(factory);
        yield return InteractiveCommand.Create(factory);
        yield return CompletionsCommand.Create(factory);
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliOutput output)
    {
        var root = Build(output);
        var parse = root.Parse(args);
        var verbose = args.Contains("--verbose", StringComparer.Ordinal);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                output.Error.WriteLine($"phdb: {error.Message}");
            }

            var command = string.Join(' ', CommandPath(parse.CommandResult.Command));
            output.Error.WriteLine($"Usage: {command} [options]; see `{command} --help`.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    EnableDefaultExceptionHandler = false,
                    Output = System.Console.Out,
                    Error = output.Error,
                    ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
                }
            );
        }
        catch (CliException e)
        {
            output.Error.WriteLine($"phdb: {e.Message}");
            if (verbose && e.InnerException is not null)
            {
                output.Error.WriteLine(e.InnerException.ToString());
            }

            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            output.Error.WriteLine("phdb: interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
            when (SettingFailures.From(e, new ConfigurationBuilder().AddEnvironmentVariables().Build()) is { } failure)
        {
            // A setting phdb read from its environment, e.g. Export__Parallelism=abc: one line, EX_CONFIG.
            output.Error.WriteLine($"phdb: {failure}");
            return ExitCodes.Configuration;
        }
        catch (Exception e)
        {
            output.Error.WriteLine(
                verbose ? $"phdb: {e}" : $"phdb: {e.GetBaseException().Message} (run with --verbose for details)"
            );
            return ExitCodes.Failure;
        }
    }

    private static Stack<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.FirstOrDefault())
        {
            names.Push(c is RootCommand ? "phdb" : c.Name);
        }

        return names;
    }
}
