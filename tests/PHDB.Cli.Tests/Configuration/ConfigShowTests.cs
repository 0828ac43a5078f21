using System.Text.Json;

namespace PHDB.Cli.Tests.Configuration;

/// <summary><c>phdb config show</c>: each value's source, secrets masked, the profile on top.</summary>
public sealed class ConfigShowTests : IDisposable
{
    private const string Token = "phdb-token-abcdefgh1234";

    private const string DatabasePassword = "hunter2hunter2";

    private readonly TemporaryAppHost _appHost = new();

    public ConfigShowTests()
    {
        _appHost.WriteSettings(
            "appsettings.json",
            """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Phdb": { "Silos": 3, "AdminPort": 5080 },
              "Simulator": { "Scale": 500 }
            }
            """
        );
        _appHost.WriteSettings("appsettings.Production.json", """{ "Phdb": { "AdminPort": 6000 } }""");
        _appHost.WriteSecrets(
            $$"""
            {
              "Parameters:producthunt-token": "{{Token}}",
              "ConnectionStrings:phdb": "Host=db;Password={{DatabasePassword}};Username=phdb"
            }
            """
        );
    }

    public void Dispose() => _appHost.Dispose();

    [Fact]
    public async Task Json_lists_each_setting_with_its_source_and_masks_secrets()
    {
        var result = await _appHost.RunAsync(
            ["config", "show", "--json", "--environment", "Production"],
            new Dictionary<string, string?> { ["Phdb__SimulatorPort"] = "7000" }
        );

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("Production", root.GetProperty("environment").GetString());
        Assert.Equal(_appHost.AppHostDirectory, root.GetProperty("appHostDirectory").GetString());
        var settings = root.GetProperty("settings")
            .EnumerateArray()
            .ToDictionary(
                s => s.GetProperty("key").GetString()!,
                s =>
                    (
                        Value: s.GetProperty("value").GetString(),
                        Source: s.GetProperty("source").GetString(),
                        Secret: s.GetProperty("secret").GetBoolean()
                    )
            );

        Assert.Equal(("3", "appsettings.json", false), settings["Phdb:Silos"]);
        Assert.Equal(("6000", "appsettings.Production.json", false), settings["Phdb:AdminPort"]);
        Assert.Equal(("7000", "environment", false), settings["Phdb:SimulatorPort"]);
        Assert.Equal(("true", "default", false), settings["Phdb:StartHarvest"]);
        Assert.Equal(("500", "appsettings.json", false), settings["Simulator:Scale"]);
        Assert.Equal(("Information", "appsettings.json", false), settings["Logging:LogLevel:Default"]);
        // Like any .NET host, the AppHost reads its user secrets in Development only.
        Assert.Equal((null, "default", true), settings["Parameters:producthunt-token"]);
        Assert.DoesNotContain(Token, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DatabasePassword, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_the_user_secrets_are_in_force_masked()
    {
        var result = await _appHost.RunAsync(["config", "show", "--json", "--environment", "Development"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var settings = json
            .RootElement.GetProperty("settings")
            .EnumerateArray()
            .ToDictionary(
                s => s.GetProperty("key").GetString()!,
                s => (Value: s.GetProperty("value").GetString(), Source: s.GetProperty("source").GetString())
            );
        Assert.Equal(("••••1234", "user secrets"), settings["Parameters:producthunt-token"]);
        Assert.Equal(("Host=db;Password=••••ter2;Username=phdb", "user secrets"), settings["ConnectionStrings:phdb"]);
        Assert.DoesNotContain(Token, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DatabasePassword, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_names_the_profile_and_never_shows_a_secret()
    {
        var result = await _appHost.RunAsync(["config", "show"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Profile: Development", result.Output, StringComparison.Ordinal);
        Assert.Contains("user secrets", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"Phdb:AdminPort\s+5080\s+appsettings\.json", result.Output);
        Assert.DoesNotContain(Token, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DatabasePassword, result.Output, StringComparison.Ordinal);
        Assert.False(CliProcess.HasAnsi(result.Output));
    }

    [Fact]
    public async Task Without_an_apphost_folder_it_says_so_and_exits_78()
    {
        var result = await _appHost.RunAsync(["config", "show"], appHost: Path.Combine(_appHost.Root, "missing"));

        Assert.True(result.ExitCode == 78, result.ToString());
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }
}
