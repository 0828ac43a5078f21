namespace PHDB.Cli.Tests.Configuration;

/// <summary>
/// A throwaway copy of an AppHost folder (a placeholder project file and the settings files a test writes) and a home
/// folder of its own, so the AppHost's user secrets are the test's.
/// </summary>
public sealed class TemporaryAppHost : IDisposable
{
    public const string SecretsId = "phdb-apphost-6c1f4b0e";

    public TemporaryAppHost()
    {
        Root = Directory.CreateTempSubdirectory("phdb-config-tests-").FullName;
        Directory.CreateDirectory(AppHostDirectory);
        Directory.CreateDirectory(Home);
        File.WriteAllText(
            Path.Combine(AppHostDirectory, "PHDB.AppHost.csproj"),
            $"<Project><PropertyGroup><UserSecretsId>{SecretsId}</UserSecretsId></PropertyGroup></Project>\n"
        );
    }

    public string Root { get; }

    public string AppHostDirectory => Path.Combine(Root, "PHDB.AppHost");

    public string Home => Path.Combine(Root, "home");

    public string SecretsPath => Path.Combine(Home, ".microsoft", "usersecrets", SecretsId, "secrets.json");

    public string AppSettingsPath => Path.Combine(AppHostDirectory, "appsettings.json");

    public void WriteSettings(string fileName, string json) =>
        File.WriteAllText(Path.Combine(AppHostDirectory, fileName), json);

    public void WriteSecrets(string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SecretsPath)!);
        File.WriteAllText(SecretsPath, json);
    }

    /// <summary>Runs <c>phdb</c> with this home, no inherited PHDB settings, and <c>--app-host</c> pointing here.</summary>
    public Task<CliResult> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? standardInput = null,
        string? appHost = null
    )
    {
        var variables = new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["APPDATA"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
        };
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            foreach (
                var section in new[]
                {
                    "Phdb__",
                    "Parameters__",
                    "ConnectionStrings__",
                    "Harvest__",
                    "Simulator__",
                    "ProductHunt__",
                }
            )
            {
                if (key.StartsWith(section, StringComparison.OrdinalIgnoreCase))
                {
                    variables[key] = null;
                }
            }
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        return CliProcess.RunAsync([.. arguments, "--app-host", appHost ?? Root], variables, standardInput);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
