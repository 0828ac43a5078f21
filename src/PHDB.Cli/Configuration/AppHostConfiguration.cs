using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace PHDB.Cli.Configuration;

/// <summary>
/// The AppHost's configuration as it would start with a profile: <c>appsettings.json</c>,
/// <c>appsettings.{profile}.json</c>, its user secrets and the environment, later ones winning.
/// </summary>
internal sealed class AppHostConfiguration
{
    /// <summary>The source of a value no provider has.</summary>
    public const string DefaultSource = "default";

    private readonly List<string> _sources;

    private AppHostConfiguration(
        string directory,
        string environment,
        string secretsPath,
        IConfigurationRoot root,
        List<string> sources
    )
    {
        Directory = directory;
        Environment = environment;
        SecretsPath = secretsPath;
        Root = root;
        _sources = sources;
    }

    /// <summary>The AppHost project folder.</summary>
    public string Directory { get; }

    /// <summary>The profile (<c>Development</c>, <c>Production</c>…).</summary>
    public string Environment { get; }

    /// <summary>The AppHost's user secrets file.</summary>
    public string SecretsPath { get; }

    /// <summary>The merged configuration.</summary>
    public IConfigurationRoot Root { get; }

    /// <summary>The base settings file, where <c>phdb config set</c> writes.</summary>
    public string AppSettingsPath => Path.Combine(Directory, "appsettings.json");

    /// <summary>Whether the AppHost reads its user secrets in <paramref name="environment"/> (in Development only, as any .NET host).</summary>
    public static bool ReadsUserSecrets(string environment) =>
        string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the configuration of the AppHost in <paramref name="directory"/> for <paramref name="environment"/>.</summary>
    public static AppHostConfiguration Load(string directory, string environment)
    {
        var secretsPath = PathHelper.GetSecretsPathFromSecretsId(AppHostLocator.UserSecretsId(directory));
        var builder = new ConfigurationBuilder();
        var sources = new List<string>();
        foreach (
            var file in new[] { "appsettings.json", $"appsettings.{environment}.json" }.Distinct(
                StringComparer.OrdinalIgnoreCase
            )
        )
        {
            builder.AddJsonFile(Path.Combine(directory, file), optional: true, reloadOnChange: false);
            sources.Add(file);
        }

        if (ReadsUserSecrets(environment))
        {
            builder.AddJsonFile(secretsPath, optional: true, reloadOnChange: false);
            sources.Add("user secrets");
        }

        builder.AddEnvironmentVariables();
        sources.Add("environment");
        try
        {
            return new AppHostConfiguration(directory, environment, secretsPath, builder.Build(), sources);
        }
        catch (InvalidDataException e)
        {
            throw CliException.Configuration($"A settings file of the AppHost is not valid JSON: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw CliException.Configuration($"A settings file of the AppHost is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Which source gives <paramref name="key"/> its value: the last provider that has it, else <see cref="DefaultSource"/>.</summary>
    public string SourceOf(string key)
    {
        for (var i = Root.Providers.Count() - 1; i >= 0; i--)
        {
            if (Root.Providers.ElementAt(i).TryGet(key, out var value) && value is not null)
            {
                return _sources[i];
            }
        }

        return DefaultSource;
    }

    /// <summary>Every key with a value, as the merged configuration has it.</summary>
    public IEnumerable<KeyValuePair<string, string>> Values() =>
        Root.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value!));
}
