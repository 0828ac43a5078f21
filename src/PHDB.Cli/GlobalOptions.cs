using System.CommandLine;

namespace PHDB.Cli;

/// <summary>Options every command takes.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Database { get; } =
        new("--database")
        {
            Description =
                "PostgreSQL connection string of the PHDB database (default: PHDB_DATABASE, else the running AppHost's)",
            Recursive = true,
            HelpName = "connection-string",
        };

    public Option<string?> DataDirectory { get; } =
        new("--data-directory")
        {
            Description =
                "PHDB's data directory, where a running AppHost leaves runtime.json (default: PHDB_DATA_DIRECTORY, else as the AppHost)",
            Recursive = true,
            HelpName = "path",
        };

    public Option<string?> Environment { get; } =
        new("--environment")
        {
            Description =
                "Configuration profile: Development or Production (default: DOTNET_ENVIRONMENT, else Development)",
            Recursive = true,
            HelpName = "name",
        };

    public Option<bool> Verbose { get; } =
        new("--verbose") { Description = "Show logs and stack traces of errors", Recursive = true };

    /// <summary>The read commands' <c>--json</c>.</summary>
    public static Option<bool> Json() =>
        new("--json") { Description = "Write JSON (the documented shape) instead of a table" };

    /// <summary>Confirmations' <c>--yes</c>.</summary>
    public static Option<bool> Yes() => new("--yes", "-y") { Description = "Do not ask for confirmation" };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Database);
        root.Options.Add(DataDirectory);
        root.Options.Add(Environment);
        root.Options.Add(Verbose);
    }
}
