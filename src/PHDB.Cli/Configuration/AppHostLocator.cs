using System.Text.RegularExpressions;
using PHDB.Cli.Connection;

namespace PHDB.Cli.Configuration;

/// <summary>
/// Finds the AppHost project folder whose configuration <c>phdb config</c> reads and writes: <c>--app-host</c>, else
/// the running AppHost's, else the nearest <c>PHDB.AppHost</c> above the current directory.
/// </summary>
internal static partial class AppHostLocator
{
    /// <summary>The AppHost project's folder name.</summary>
    public const string ProjectFolder = "PHDB.AppHost";

    /// <summary>The AppHost project file.</summary>
    public const string ProjectFile = "PHDB.AppHost.csproj";

    /// <summary>The AppHost's user secrets id, when its project file does not say.</summary>
    public const string DefaultUserSecretsId = "phdb-apphost-6c1f4b0e";

    /// <exception cref="CliException">No AppHost folder was found, or <c>--app-host</c> names none (78).</exception>
    public static string Find(string? option, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            var given = Path.GetFullPath(option);
            var below = Path.Combine(given, ProjectFolder);
            if (File.Exists(Path.Combine(below, ProjectFile)))
            {
                return below;
            }

            return Directory.Exists(given)
                ? given
                : throw CliException.Configuration($"--app-host: the folder {given} does not exist.");
        }

        if (SystemLocator.RunningAppHost(dataDirectory) is { } runtime && Directory.Exists(runtime.AppHostDirectory))
        {
            return runtime.AppHostDirectory;
        }

        for (
            var directory = new DirectoryInfo(Environment.CurrentDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectFile)))
            {
                return directory.FullName;
            }

            var candidate = Path.Combine(directory.FullName, ProjectFolder);
            if (File.Exists(Path.Combine(candidate, ProjectFile)))
            {
                return candidate;
            }
        }

        throw CliException.Configuration(
            $"No AppHost found: no running AppHost, and no {ProjectFolder}/{ProjectFile} above {Environment.CurrentDirectory}. "
                + "Run phdb from the PHDB repository, or name the folder with --app-host."
        );
    }

    /// <summary>The <c>UserSecretsId</c> of the AppHost project in <paramref name="appHostDirectory"/>.</summary>
    public static string UserSecretsId(string appHostDirectory)
    {
        var project = Path.Combine(appHostDirectory, ProjectFile);
        if (File.Exists(project) && SecretsId().Match(File.ReadAllText(project)) is { Success: true } match)
        {
            return match.Groups[1].Value.Trim();
        }

        return DefaultUserSecretsId;
    }

    [GeneratedRegex("<UserSecretsId>([^<]+)</UserSecretsId>", RegexOptions.CultureInvariant)]
    private static partial Regex SecretsId();
}
