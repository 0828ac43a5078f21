namespace Microsoft.Extensions.Configuration;

/// <summary>
/// Settings from files, one per key, as systemd hands a service its credentials (<c>LoadCredential=</c>): every file in
/// <c>$CREDENTIALS_DIRECTORY</c> is the setting named by its file name (<c>__</c> for <c>:</c>, e.g.
/// <c>ProductHunt__Token</c>), its content the value less a trailing line break. Secrets then never sit in the
/// environment, where child processes and <c>/proc</c> would see them.
/// </summary>
public static class CredentialFiles
{
    /// <summary>The variable systemd sets to the service's credentials folder.</summary>
    public const string DirectoryVariable = "CREDENTIALS_DIRECTORY";

    /// <summary>
    /// Adds the files of <paramref name="directory"/> (default: <see cref="DirectoryVariable"/>'s folder; nothing when
    /// unset) over the configuration so far: a credential wins over an environment variable of the same key.
    /// </summary>
    public static IConfigurationBuilder AddCredentialFiles(
        this IConfigurationBuilder configuration,
        string? directory = null
    )
    {
        ArgumentNullException.ThrowIfNull(configuration);
        directory ??= Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
        {
            return configuration;
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var key = Path.GetFileName(file).Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            settings[key] = File.ReadAllText(file).TrimEnd('\n', '\r');
        }

        return configuration.AddInMemoryCollection(settings);
    }
}
