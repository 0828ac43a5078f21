namespace PHDB.Cli.Configuration;

/// <summary>One setting in <c>phdb config show</c>: its value in force (masked when secret) and where it comes from.</summary>
/// <param name="Key">The configuration key.</param>
/// <param name="Value">The value, masked when <paramref name="Secret"/>; <see langword="null"/> when unset.</param>
/// <param name="Source"><c>appsettings.json</c>, <c>appsettings.{profile}.json</c>, <c>user secrets</c>, <c>environment</c> or <c>default</c>.</param>
/// <param name="Secret">Whether the value is a secret (never shown whole).</param>
internal sealed record EffectiveSetting(string Key, string? Value, string Source, bool Secret)
{
    /// <summary>The settings of the known sections in <paramref name="configuration"/>, with the defaults of those unset.</summary>
    public static IReadOnlyList<EffectiveSetting> List(AppHostConfiguration configuration)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.Values())
        {
            if (
                SettingsCatalogue.Sections.Any(section =>
                    key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)
                )
            )
            {
                values[key] = value;
            }
        }

        var settings = new List<EffectiveSetting>();
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var known in SettingsCatalogue.All)
        {
            if (values.TryGetValue(known.Key, out var value))
            {
                settings.Add(Shown(known.Key, value, configuration.SourceOf(known.Key), known.Secret));
            }
            else if (known.Default is not null || known.Description.Length > 0)
            {
                settings.Add(
                    new EffectiveSetting(known.Key, known.Default, AppHostConfiguration.DefaultSource, known.Secret)
                );
            }

            listed.Add(known.Key);
        }

        foreach (var (key, value) in values.Where(pair => !listed.Contains(pair.Key)))
        {
            settings.Add(Shown(key, value, configuration.SourceOf(key), KnownSetting.IsSecretKey(key)));
        }

        return
        [
            .. settings
                .Select((setting, index) => (setting, index))
                .OrderBy(pair => Section(pair.setting.Key))
                .ThenBy(pair => pair.index < listed.Count ? pair.index : int.MaxValue)
                .ThenBy(pair => pair.setting.Key, StringComparer.OrdinalIgnoreCase)
                .Select(pair => pair.setting),
        ];
    }

    private static EffectiveSetting Shown(string key, string value, string source, bool secret) =>
        new(key, secret ? SecretMask.For(key, value) : value, source, secret);

    private static int Section(string key)
    {
        for (var i = 0; i < SettingsCatalogue.Sections.Count; i++)
        {
            if (key.StartsWith(SettingsCatalogue.Sections[i] + ":", StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return SettingsCatalogue.Sections.Count;
    }
}
