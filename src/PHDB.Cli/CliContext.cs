using System.CommandLine;
using PHDB.Cli.Connection;
using PHDB.Cli.Output;

namespace PHDB.Cli;

/// <summary>What a command's action works with: the parsed global options, the output, and the way to PHDB.</summary>
internal sealed class CliContext(ParseResult parse, GlobalOptions globals, CliOutput output)
{
    public ParseResult Parse { get; } = parse;

    public CliOutput Output { get; } = output;

    public bool Verbose => Parse.GetValue(globals.Verbose);

    /// <summary>The configuration profile: <c>--environment</c>, else <c>DOTNET_ENVIRONMENT</c>, else Development.</summary>
    public string EnvironmentName =>
        Parse.GetValue(globals.Environment)
        ?? System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? "Development";

    public string DataDirectory => SystemLocator.DataDirectory(Parse.GetValue(globals.DataDirectory));

    /// <summary>The PHDB to talk to (see <see cref="SystemLocator"/>).</summary>
    public PhdbTarget Locate() => SystemLocator.Locate(Parse.GetValue(globals.Database), DataDirectory);

    /// <summary>Joins the cluster of the located PHDB.</summary>
    public Task<ClusterSession> ConnectAsync(CancellationToken cancellationToken) =>
        ClusterSession.ConnectAsync(Locate(), Verbose, ClusterSession.DefaultTimeout, cancellationToken);

    /// <summary>Asks the user to confirm; without a terminal it refuses and says to pass <c>--yes</c>.</summary>
    public bool Confirm(string question, bool yes)
    {
        if (yes)
        {
            return true;
        }

        if (!Output.IsInteractive)
        {
            throw CliException.Usage($"{question} Pass --yes to confirm when no terminal is attached.");
        }

        return Spectre.Console.AnsiConsoleExtensions.Confirm(Output.Console, question, defaultValue: false);
    }
}
