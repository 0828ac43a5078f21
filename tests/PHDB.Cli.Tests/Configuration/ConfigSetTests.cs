using System.Text.Json.Nodes;

namespace PHDB.Cli.Tests.Configuration;

/// <summary><c>phdb config set</c>: checked values, secrets in the user secrets, the rest in appsettings.json.</summary>
public sealed class ConfigSetTests : IDisposable
{
    private const string Settings = """
        {
          // The AppHost's settings.
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Phdb": { "Silos": 2 }
        }
        """;

    private readonly TemporaryAppHost _appHost = new();

    public ConfigSetTests() => _appHost.WriteSettings("appsettings.json", Settings);

    public void Dispose() => _appHost.Dispose();

    [Fact]
    public async Task A_setting_goes_into_appsettings_typed_and_the_rest_is_kept()
    {
        var silos = await _appHost.RunAsync(["config", "set", "phdb:silos", "3"]);
        var window = await _appHost.RunAsync(["config", "set", "Simulator:RateLimit:WindowSeconds", "0.5"]);
        var harvest = await _appHost.RunAsync(["config", "set", "Phdb:StartHarvest", "false"]);

        Assert.True(silos.ExitCode == 0, silos.ToString());
        Assert.True(window.ExitCode == 0, window.ToString());
        Assert.True(harvest.ExitCode == 0, harvest.ToString());
        Assert.Contains(_appHost.AppSettingsPath, silos.Output, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(_appHost.AppSettingsPath))!;
        Assert.Equal(3, json["Phdb"]!["Silos"]!.GetValue<long>());
        Assert.False(json["Phdb"]!["StartHarvest"]!.GetValue<bool>());
        Assert.Equal(0.5, json["Simulator"]!["RateLimit"]!["WindowSeconds"]!.GetValue<double>());
        Assert.Equal("Information", json["Logging"]!["LogLevel"]!["Default"]!.GetValue<string>());
        Assert.False(File.Exists(_appHost.SecretsPath));
    }

    [Fact]
    public async Task A_secret_read_from_stdin_goes_into_the_user_secrets_owner_only()
    {
        const string token = "phdb-live-token-0123456789";

        var result = await _appHost.RunAsync(
            ["config", "set", "Parameters:producthunt-token", "-"],
            standardInput: token + "\n"
        );

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(token, result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("user secrets", result.Output, StringComparison.Ordinal);
        var secrets = JsonNode.Parse(File.ReadAllText(_appHost.SecretsPath))!;
        Assert.Equal(token, secrets["Parameters:producthunt-token"]!.GetValue<string>());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_appHost.SecretsPath));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(_appHost.SecretsPath)!)
        );
        Assert.DoesNotContain(token, File.ReadAllText(_appHost.AppSettingsPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_is_refused_with_the_closest_known_one()
    {
        var result = await _appHost.RunAsync(["config", "set", "Phdb:Silo", "3"]);

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Contains("Phdb:Silo'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean Phdb:Silos?", result.Error, StringComparison.Ordinal);
        Assert.Equal(Settings, File.ReadAllText(_appHost.AppSettingsPath));
    }

    [Fact]
    public async Task An_invalid_value_is_not_written()
    {
        var scale = await _appHost.RunAsync(["config", "set", "Simulator:Scale", "-5"]);
        var silos = await _appHost.RunAsync(["config", "set", "Phdb:Silos", "many"]);

        Assert.True(scale.ExitCode == 78, scale.ToString());
        Assert.Contains("Simulator:Scale = -5", scale.Error, StringComparison.Ordinal);
        Assert.True(silos.ExitCode == 78, silos.ToString());
        Assert.Equal(Settings, File.ReadAllText(_appHost.AppSettingsPath));
    }
}
