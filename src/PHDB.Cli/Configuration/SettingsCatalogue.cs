using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Grains.RateBudgets;
using PHDB.ProductHunt;
using PHDB.Runtime;
using PHDB.Simulator.Configuration;

namespace PHDB.Cli.Configuration;

/// <summary>The settings of the AppHost and of the sections it hands to its services (README, "Configuration").</summary>
internal static class SettingsCatalogue
{
    /// <summary>The password of the admin console must be at least this long.</summary>
    public const int AdminPasswordMinLength = 12;

    /// <summary>The sections <c>phdb config show</c> lists, in order.</summary>
    public static IReadOnlyList<string> Sections { get; } =
    ["Phdb", "Parameters", "ConnectionStrings", "Harvest", "ProductHunt", "Simulator", "Logging"];

    /// <summary>The AppHost's own settings.</summary>
    public static IReadOnlyList<KnownSetting> HostSettings { get; } =
    [
        new("Phdb:Silos", typeof(int), "2", "number of silo processes (1–16)"),
        new(
            "Phdb:DataDirectory",
            typeof(string),
            PhdbHostSettings.DefaultDataDirectory(),
            "where the local PostgreSQL cluster lives"
        ),
        new("Phdb:AdminPort", typeof(int), "5080", "admin console port on 127.0.0.1"),
        new("Phdb:SimulatorPort", typeof(int), "5090", "API simulator port on 127.0.0.1"),
        new("Phdb:StartHarvest", typeof(bool), "true", "start a full harvest by itself when none has run"),
        new(
            "Phdb:PostgresBinDirectory",
            typeof(string),
            null,
            "folder holding initdb and postgres (found automatically)"
        ),
        new("Phdb:RequireToken", typeof(bool), "false", "refuse to start without Parameters:producthunt-token"),
        new(
            "Phdb:UseSimulator",
            typeof(bool),
            "false",
            "harvest the simulator even with a token set (the simulator then accepts that token)"
        ),
        new(
            "Parameters:admin-password",
            typeof(string),
            null,
            "the admin console's password (generated on the first run)",
            Secret: true,
            Check: value =>
                value.Length < AdminPasswordMinLength ? $"must be at least {AdminPasswordMinLength} characters" : null
        ),
        new(
            "Parameters:producthunt-token",
            typeof(string),
            null,
            "a Product Hunt API token: harvest the live API instead of the simulator",
            Secret: true
        ),
        new(
            "ConnectionStrings:phdb",
            typeof(string),
            null,
            "an external PostgreSQL instead of the local one",
            Secret: true,
            Check: ConnectionStringProblem
        ),
    ];

    /// <summary>The sections bound to options classes by the silos, the simulator and the API client.</summary>
    public static IReadOnlyList<OptionsSection> OptionsSections { get; } =
    [
        new(HarvestOptions.Section, typeof(HarvestOptions)),
        new(HarvestWorkerOptions.Section, typeof(HarvestWorkerOptions)),
        new(RateBudgetOptions.Section, typeof(RateBudgetOptions)),
        // The AppHost hands the token (its own, or the simulator's) to the silos itself.
        new(
            ProductHuntOptions.SectionName,
            typeof(ProductHuntOptions),
            Prepare: instance =>
            {
                var options = (ProductHuntOptions)instance;
                if (string.IsNullOrWhiteSpace(options.Token) && string.IsNullOrWhiteSpace(options.ClientId))
                {
                    options.Token = "supplied-by-the-apphost";
                }
            }
        ),
        new(
            SimulatorOptions.SectionName,
            typeof(SimulatorOptions),
            Validators: instance =>
                new SimulatorOptionsValidator().Validate(null, (SimulatorOptions)instance).Failures ?? []
        ),
    ];

    /// <summary>Every known setting: the AppHost's, then each options section's.</summary>
    public static IReadOnlyList<KnownSetting> All { get; } =
    [.. HostSettings, .. OptionsSections.SelectMany(section => section.Settings())];

    /// <summary>The known setting <paramref name="key"/> (any case), including list items of options sections.</summary>
    public static KnownSetting? Find(string key)
    {
        if (All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return known;
        }

        foreach (var section in OptionsSections.OrderByDescending(s => s.Prefix.Length))
        {
            if (section.TypeOf(key) is { } type)
            {
                return new KnownSetting(key, type, null, "", KnownSetting.IsSecretKey(key));
            }
        }

        return null;
    }

    /// <summary>The known key nearest to <paramref name="key"/> (fewest edits, case ignored).</summary>
    public static string Closest(string key) =>
        All.Select(s => s.Key)
            .OrderBy(candidate => Distance(candidate.ToUpperInvariant(), key.ToUpperInvariant()))
            .ThenBy(candidate => candidate, StringComparer.Ordinal)
            .First();

    private static string? ConnectionStringProblem(string value)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
            return null;
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the password.
            return "is not a valid PostgreSQL connection string";
        }
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
