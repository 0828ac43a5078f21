using System.CommandLine;
using PHDB.Cli.Output;

namespace PHDB.Cli;

/// <summary>A command's action: returns the exit code, throws <see cref="CliException"/> for errors the user can act on.</summary>
internal delegate Task<int> CliAction(CliContext context, CancellationToken cancellationToken);

/// <summary>What the command modules share: the global options and the output.</summary>
internal sealed class CommandFactory(GlobalOptions globals, CliOutput output)
{
    public GlobalOptions Globals { get; } = globals;

    public CliOutput Output { get; } = output;

    /// <summary>Each command's examples, shown at the end of its help.</summary>
    public Dictionary<Command, string[]> Examples { get; } = [];

    /// <summary>Adds examples to <paramref name="command"/>'s help.</summary>
    public void AddExamples(Command command, params string[] lines) => Examples[command] = lines;

    /// <summary>Runs <paramref name="action"/> when <paramref name="command"/> is invoked.</summary>
    public void SetAction(Command command, CliAction action) =>
        command.SetAction(
            (parse, cancellationToken) => action(new CliContext(parse, Globals, Output), cancellationToken)
        );
}
