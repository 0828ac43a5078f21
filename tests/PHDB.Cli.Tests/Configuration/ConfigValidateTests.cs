namespace PHDB.Cli.Tests.Configuration;

/// <summary><c>phdb config validate</c>: the hosts' start-up checks, one line per problem, exit 78.</summary>
public sealed class ConfigValidateTests : IDisposable
{
    private readonly TemporaryAppHost _appHost = new();

    public ConfigValidateTests() =>
        _appHost.WriteSettings("appsettings.json", """{ "Phdb": { "Silos": 2 }, "Simulator": { "Scale": 500 } }""");

    public void Dispose() => _appHost.Dispose();

    [Fact]
    public async Task A_valid_configuration_exits_0_naming_the_profile()
    {
        var result = await _appHost.RunAsync(["config", "validate"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Configuration valid (profile Development)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_repository_apphost_is_valid()
    {
        var result = await _appHost.RunAsync(
            ["config", "validate"],
            appHost: Path.Combine(CliProcess.RepositoryRoot, "PHDB.AppHost")
        );

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task An_out_of_range_value_is_named_with_its_key_and_value()
    {
        var result = await _appHost.RunAsync(
            ["config", "validate"],
            new Dictionary<string, string?> { ["Simulator__Scale"] = "-5" }
        );

        Assert.True(result.ExitCode == 78, result.ToString());
        Assert.Contains("Simulator:Scale = -5: must be between", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_is_one_line_naming_the_key()
    {
        var result = await _appHost.RunAsync(
            ["config", "validate"],
            new Dictionary<string, string?>
            {
                ["Simulator__RateLimit__WindowSeconds"] = "abc",
                ["Phdb__Silos"] = "many",
            }
        );

        Assert.True(result.ExitCode == 78, result.ToString());
        Assert.Contains(
            "Simulator:RateLimit:WindowSeconds = abc: must be a number",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.Contains("Phdb:Silos = many: must be a whole number", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_in_a_problem_is_masked()
    {
        _appHost.WriteSecrets("""{ "Parameters:admin-password": "short-pw" }""");

        var result = await _appHost.RunAsync(["config", "validate"]);

        Assert.True(result.ExitCode == 78, result.ToString());
        Assert.Contains(
            "Parameters:admin-password = ••••: must be at least 12 characters",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("short-pw", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_that_requires_a_token_needs_one()
    {
        _appHost.WriteSettings("appsettings.Production.json", """{ "Phdb": { "RequireToken": true } }""");

        var production = await _appHost.RunAsync(["config", "validate", "--environment", "Production"]);
        var development = await _appHost.RunAsync(["config", "validate", "--environment", "Development"]);

        Assert.True(production.ExitCode == 78, production.ToString());
        Assert.Contains("Parameters:producthunt-token", production.Error, StringComparison.Ordinal);
        Assert.True(development.ExitCode == 0, development.ToString());
    }
}
