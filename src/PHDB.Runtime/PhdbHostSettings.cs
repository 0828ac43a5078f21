using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PHDB.Runtime;

/// <summary>The AppHost's own settings (section <c>Phdb</c>), checked before anything starts.</summary>
/// <param name="Silos">How many silo processes to run (1–16).</param>
/// <param name="DataDirectory">Where PHDB keeps its local PostgreSQL cluster.</param>
/// <param name="AdminPort">Port of the admin console on 127.0.0.1.</param>
/// <param name="SimulatorPort">Port of the API simulator on 127.0.0.1 (when it runs).</param>
/// <param name="StartHarvest">Whether the silos start a full harvest by themselves when none has run.</param>
/// <param name="PostgresBinDirectory">Folder of <c>initdb</c> and <c>postgres</c>; found automatically when empty.</param>
/// <param name="RequireToken">Whether a Product Hunt API token must be configured (no simulator stands in).</param>
/// <param name="UseSimulator">
/// Whether the bundled simulator is harvested even when a token is configured; it then accepts that token.
/// </param>
public sealed record PhdbHostSettings(
    int Silos,
    string DataDirectory,
    int AdminPort,
    int SimulatorPort,
    bool StartHarvest,
    string? PostgresBinDirectory,
    bool RequireToken = false,
    bool UseSimulator = false
)
{
    /// <summary>The configuration key of the Product Hunt API token (the AppHost's parameter <c>producthunt-token</c>).</summary>
    public const string TokenKey = "Parameters:producthunt-token";

    /// <summary>Reads and checks the <c>Phdb</c> section (and, when <c>Phdb:RequireToken</c> is set, the token).</summary>
    /// <exception cref="InvalidSettingException">A setting is out of range, or a required token is missing.</exception>
    public static PhdbHostSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Phdb");
        var requireToken = ReadBool(section, "RequireToken", false);
        if (requireToken && string.IsNullOrWhiteSpace(configuration[TokenKey]))
        {
            throw new InvalidSettingException(
                TokenKey,
                $"{TokenKey} must be set: Phdb:RequireToken is true (the Production profile harvests the live API). "
                    + "Give it as the environment variable Parameters__producthunt-token or the argument "
                    + "--Parameters:producthunt-token=<token> (user secrets are read in Development only)."
            );
        }

        var silos = ReadInt(section, "Silos", 2, 1, 16);
        var adminPort = ReadInt(section, "AdminPort", 5080, 1, 65535);
        var simulatorPort = ReadInt(section, "SimulatorPort", 5090, 1, 65535);
        var startHarvest = ReadBool(section, "StartHarvest", true);
        var useSimulator = ReadBool(section, "UseSimulator", false);
        var dataDirectory = section["DataDirectory"];
        return new PhdbHostSettings(
            silos,
            string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory() : Path.GetFullPath(dataDirectory),
            adminPort,
            simulatorPort,
            startHarvest,
            section["PostgresBinDirectory"],
            requireToken,
            useSimulator
        );
    }

    /// <summary>
    /// <c>$XDG_DATA_HOME/phdb</c> or <c>~/.local/share/phdb</c>; for root <c>/var/lib/phdb</c>, because the
    /// <c>postgres</c> account that then runs the server cannot enter root's home.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        if (Environment.UserName == "root")
        {
            return "/var/lib/phdb";
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            dataHome = Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                ".local",
                "share"
            );
        }

        return Path.Combine(dataHome, "phdb");
    }

    private static bool ReadBool(IConfigurationSection section, string key, bool fallback)
    {
        var raw = section[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        return bool.TryParse(raw, out var value)
            ? value
            : throw new InvalidSettingException($"Phdb:{key}", $"Phdb:{key} must be true or false; it is '{raw}'.");
    }

    private static int ReadInt(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var raw = section[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (
            !int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || value < min
            || value > max
        )
        {
            throw new InvalidSettingException(
                $"Phdb:{key}",
                $"Phdb:{key} must be a whole number from {min} to {max}; it is '{raw}'."
            );
        }

        return value;
    }
}
