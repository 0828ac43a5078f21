using Microsoft.Extensions.Options;
using PHDB.Export;
using PHDB.Runtime;

namespace PHDB.Admin.Exports;

/// <summary>Registers the console's exports: the runner and its formats, the catalogue and the job runner.</summary>
public static class ExportServices
{
    /// <summary>The exports folder's name in the data directory.</summary>
    public const string FolderName = "exports";

    /// <summary>
    /// Adds <see cref="ExportRunner"/> (options validated on start; <c>Export:Directory</c> defaults to
    /// <see cref="DefaultDirectory"/>), <see cref="ExportCatalog"/> of that directory and <see cref="ExportJobs"/>.
    /// The host registers the <c>NpgsqlDataSource</c> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddConsoleExports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPhdbExport();
        services.PostConfigure<ExportOptions>(options =>
        {
            if (string.IsNullOrWhiteSpace(options.Directory))
            {
                options.Directory = DefaultDirectory();
            }
        });
        services.AddSingleton(sp => new ExportCatalog(
            sp.GetRequiredService<IOptions<ExportOptions>>().Value.Directory
        ));
        services.AddSingleton<ExportJobs>();
        return services;
    }

    /// <summary><c>&lt;data directory&gt;/exports</c>, the data directory as the AppHost defaults it.</summary>
    public static string DefaultDirectory() => Path.Join(PhdbHostSettings.DefaultDataDirectory(), FolderName);
}
