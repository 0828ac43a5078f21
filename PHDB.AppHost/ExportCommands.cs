namespace PHDB.AppHost;

/// <summary>
/// The dashboard's "Export now" command on the console: it posts to the console's <c>/exports/run</c> with the
/// control key generated for this run, and the console starts the default export (every format, the phdb layout).
/// </summary>
internal static class ExportCommands
{
    /// <summary>Adds a control key (handed to the console as <c>Export:ControlKey</c>) and the command.</summary>
    public static IResourceBuilder<ProjectResource> WithExportCommand(
        this IResourceBuilder<ProjectResource> console,
        IDistributedApplicationBuilder builder
    )
    {
        var key = builder.AddParameter(
            "export-control-key",
            new GenerateParameterDefault { MinLength = 32, Special = false },
            secret: true
        );
        console.WithEnvironment("Export__ControlKey", key);
        return console.WithHttpCommand(
            "/exports/run",
            "Export now",
            "http",
            "export-now",
            ControlCommandOptions.Create(
                key,
                "Exports every table as CSV, Parquet and SQLite (phdb layout) unless an export is running.",
                "ArrowDownload"
            )
        );
    }
}
