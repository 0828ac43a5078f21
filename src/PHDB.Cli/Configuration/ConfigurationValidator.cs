using Microsoft.Extensions.Configuration;
using PHDB.Runtime;

namespace PHDB.Cli.Configuration;

/// <summary>
/// The checks the AppHost and its services run when they start, applied to a configuration: each known value's
/// type, <see cref="PhdbHostSettings.Read"/>, every options section, and a token when <c>Phdb:RequireToken</c> is set.
/// </summary>
internal static class ConfigurationValidator
{
    /// <summary>Checks <paramref name="configuration"/> (the AppHost's, for <paramref name="environment"/>); one problem per key.</summary>
    public static IReadOnlyList<SettingProblem> Validate(IConfiguration configuration, string environment)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        var problems = new Dictionary<string, SettingProblem>(StringComparer.OrdinalIgnoreCase);
        void Add(string key, string reason)
        {
            if (!problems.ContainsKey(key))
            {
                var shown = values.TryGetValue(key, out var value)
                    ? KnownSetting.IsSecretKey(key)
                        ? SecretMask.For(key, value)
                        : value
                    : null;
                problems[key] = new SettingProblem(key, shown, reason);
            }
        }

        foreach (var (key, value) in values)
        {
            if (SettingsCatalogue.Find(key)?.Validate(value) is { } reason)
            {
                Add(key, reason);
            }
        }

        // The services never see a value of the wrong type: check the rest as if those were unset.
        var usable = values
            .Where(pair => !problems.ContainsKey(pair.Key))
            .ToDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, reason) in HostProblems(usable))
        {
            Add(key, reason);
        }

        var filtered = new ConfigurationBuilder().AddInMemoryCollection(usable!).Build();
        foreach (var section in SettingsCatalogue.OptionsSections)
        {
            IEnumerable<(string Key, string Reason)> found;
            try
            {
                found = section.Validate(filtered);
            }
            catch (InvalidOperationException e)
            {
                found = [(section.Prefix, e.Message)];
            }

            foreach (var (key, reason) in found)
            {
                Add(key, reason);
            }
        }

        if (
            bool.TryParse(usable.GetValueOrDefault("Phdb:RequireToken"), out var requireToken)
            && requireToken
            && !usable.ContainsKey("Parameters:producthunt-token")
        )
        {
            Add(
                "Parameters:producthunt-token",
                $"must be set: Phdb:RequireToken is true in profile {environment}, so PHDB will not fall back to the simulator"
            );
        }

        return [.. problems.Values];
    }

    /// <summary>What <see cref="PhdbHostSettings.Read"/> refuses, each key in turn (it stops at the first).</summary>
    private static List<(string Key, string Reason)> HostProblems(Dictionary<string, string> values)
    {
        var remaining = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
        var problems = new List<(string, string)>();
        for (var attempt = 0; attempt < SettingsCatalogue.HostSettings.Count; attempt++)
        {
            try
            {
                _ = PhdbHostSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(remaining!).Build());
                break;
            }
            catch (InvalidSettingException e)
            {
                var key = string.IsNullOrEmpty(e.Key) ? "Phdb" : e.Key;
                problems.Add((key, HostReason(key, e.Message, remaining.GetValueOrDefault(key))));
                if (!remaining.Remove(key))
                {
                    break;
                }
            }
        }

        return problems;
    }

    /// <summary>"Phdb:Silos must be … 16; it is '0'." becomes "must be … 16".</summary>
    private static string HostReason(string key, string message, string? value)
    {
        var reason = message.StartsWith(key + " ", StringComparison.OrdinalIgnoreCase)
            ? message[(key.Length + 1)..]
            : message;
        var echo = $"; it is '{value}'.";
        if (value is not null && reason.EndsWith(echo, StringComparison.Ordinal))
        {
            reason = reason[..^echo.Length];
        }

        return reason.TrimEnd('.');
    }
}
