using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using PHDB.LocalPostgres;
using PHDB.Runtime;
using PHDB.Testing;

namespace PHDB.AppHost.Tests;

/// <summary>What the AppHost decides before it starts anything.</summary>
public sealed class AppHostModelTests
{
    [Fact]
    public async Task A_configured_connection_string_replaces_the_local_postgres_server()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            ["--ConnectionStrings:phdb=Host=db.example;Database=phdb;Username=phdb;Password=x"],
            TestContext.Current.CancellationToken
        );

        Assert.DoesNotContain(builder.Resources, r => r.Name is "postgres" or "postgres-init");
        Assert.Contains(builder.Resources, r => r.Name == "phdb" && r is IResourceWithConnectionString);
    }

    [Fact]
    public async Task The_local_server_admits_a_full_pool_for_every_silo_the_console_and_the_migrator()
    {
        using var data = new TemporaryDirectory("phdb-model-");
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            ["--Phdb:Silos=3", $"--Phdb:DataDirectory={data.Path}"],
            TestContext.Current.CancellationToken
        );

        var server = Assert.IsType<ExecutableResource>(builder.Resources.Single(r => r.Name == "postgres"), false);
        var context = new CommandLineArgsCallbackContext([], TestContext.Current.CancellationToken);
        foreach (var annotation in server.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }

        // 40 connections for each of the 3 silos, the console and the migrator, and 10 to spare.
        Assert.Contains("max_connections=210", context.Args.Select(a => a.ToString()));
        var database = Assert.IsType<IResourceWithConnectionString>(
            builder.Resources.Single(r => r.Name == "phdb"),
            false
        );
        Assert.EndsWith(
            ";Maximum Pool Size=40",
            database.ConnectionStringExpression.ValueExpression,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Without_a_token_the_simulator_stands_in_for_the_live_api()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            ["--ConnectionStrings:phdb=Host=db.example;Database=phdb;Username=phdb;Password=x"],
            TestContext.Current.CancellationToken
        );

        Assert.Contains(builder.Resources, r => r.Name == "simulator");
        Assert.Contains(builder.Resources, r => r.Name == "simulator-token" && r is ParameterResource { Secret: true });
    }

    [Fact]
    public async Task A_configured_token_means_the_live_api_and_no_simulator()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            [
                "--ConnectionStrings:phdb=Host=db.example;Database=phdb;Username=phdb;Password=x",
                "--Parameters:producthunt-token=live-token",
            ],
            TestContext.Current.CancellationToken
        );

        Assert.DoesNotContain(builder.Resources, r => r.Name == "simulator");
        Assert.Contains(
            builder.Resources,
            r => r.Name == "producthunt-token" && r is ParameterResource { Secret: true }
        );
    }

    [Fact]
    public async Task UseSimulator_runs_the_simulator_with_the_configured_token()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            [
                "--ConnectionStrings:phdb=Host=db.example;Database=phdb;Username=phdb;Password=x",
                "--Parameters:producthunt-token=configured-token",
                "--Phdb:UseSimulator=true",
            ],
            TestContext.Current.CancellationToken
        );

        Assert.DoesNotContain(builder.Resources, r => r.Name == "simulator-token");
        Assert.Contains(
            builder.Resources,
            r => r.Name == "producthunt-token" && r is ParameterResource { Secret: true }
        );
        var simulator = builder.Resources.Single(r => r.Name == "simulator");
        var environment = await DeclaredEnvironmentAsync(simulator);
        var token = Assert.IsType<ParameterResource>(environment["Simulator__Applications__0__DeveloperToken"], false);
        Assert.Equal("producthunt-token", token.Name);
    }

    [Fact]
    public async Task Missing_postgres_binaries_stop_the_apphost_with_what_to_install()
    {
        var error = await Assert.ThrowsAsync<PostgresNotInstalledException>(async () =>
            await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
                [
                    "--Phdb:PostgresBinDirectory=/nonexistent/postgresql/bin",
                    $"--Phdb:DataDirectory={Path.GetTempPath()}phdb-unused",
                ],
                TestContext.Current.CancellationToken
            )
        );

        Assert.Contains("/nonexistent/postgresql/bin", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Silos", "0")]
    [InlineData("Silos", "many")]
    [InlineData("AdminPort", "70000")]
    [InlineData("RequireToken", "maybe")]
    [InlineData("UseSimulator", "yes")]
    public void Invalid_settings_are_refused_with_the_key_named(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Phdb:{key}"] = value })
            .Build();

        var error = Assert.Throws<InvalidSettingException>(() => PhdbHostSettings.Read(configuration));

        Assert.Equal($"Phdb:{key}", error.Key);
        Assert.Contains($"Phdb:{key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_silos_carry_the_dashboards_harvest_commands_behind_a_generated_key()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            ["--ConnectionStrings:phdb=Host=db.example;Database=phdb;Username=phdb;Password=x"],
            TestContext.Current.CancellationToken
        );

        var silo = builder.Resources.Single(r => r.Name == "silo");
        var commands = silo.Annotations.OfType<ResourceCommandAnnotation>().ToDictionary(c => c.Name);
        Assert.Equal("Start incremental", commands["harvest-incremental"].DisplayName);
        Assert.Equal("Start full", commands["harvest-full"].DisplayName);
        Assert.Equal("Pause", commands["harvest-pause"].DisplayName);
        Assert.Equal("Resume", commands["harvest-resume"].DisplayName);
        Assert.False(string.IsNullOrWhiteSpace(commands["harvest-full"].ConfirmationMessage));
        Assert.Null(commands["harvest-incremental"].ConfirmationMessage);
        Assert.Contains(
            builder.Resources,
            r => r.Name == "harvest-control-key" && r is ParameterResource { Secret: true }
        );
    }

    [Fact]
    public async Task The_silos_carry_the_publish_commands_and_kaggle_credentials_only_as_secret_parameters()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            [
                "--ConnectionStrings:phdb=Host=db.example;Database=phdb;Username=phdb;Password=x",
                "--Parameters:kaggle-username=alice",
                "--Parameters:kaggle-key=0123456789abcdef",
                "--Kaggle:Dataset=alice/product-hunt-phdb",
                "--Kaggle:Key=plain-configuration-key",
                "--Publishing:Interval=7.00:00:00",
            ],
            TestContext.Current.CancellationToken
        );

        var silo = (ProjectResource)builder.Resources.Single(r => r.Name == "silo");
        var commands = silo.Annotations.OfType<ResourceCommandAnnotation>().ToDictionary(c => c.Name);
        Assert.Equal("Publish now", commands["publish-now"].DisplayName);
        Assert.False(string.IsNullOrWhiteSpace(commands["publish-now"].ConfirmationMessage));
        Assert.Equal("Publish dry run", commands["publish-dry-run"].DisplayName);
        Assert.Contains(builder.Resources, r => r.Name == "kaggle-key" && r is ParameterResource { Secret: true });

        var environment = await DeclaredEnvironmentAsync(silo);
        Assert.Equal("alice/product-hunt-phdb", environment["Kaggle__Dataset"]);
        Assert.Equal("7.00:00:00", environment["Publishing__Interval"]);
        Assert.Same(
            builder.Resources.Single(r => r.Name == "kaggle-key"),
            Assert.IsType<ParameterResource>(environment["Kaggle__Key"])
        );
        Assert.DoesNotContain(
            environment.Values,
            v => v is string text && text.Contains("plain-configuration-key", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task The_silos_get_the_webhook_subscribers_with_their_secrets_only_as_secret_parameters()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            [
                "--ConnectionStrings:phdb=Host=db.example;Database=phdb;Username=phdb;Password=x",
                "--Events:Webhooks:0:Url=https://hooks.example.test/phdb",
                "--Events:Webhooks:0:Events:0=HarvestCompleted",
                "--Events:Webhooks:0:Secret=webhook-secret-0123456789",
                "--Events:MaxBackoff=00:00:30",
            ],
            TestContext.Current.CancellationToken
        );

        var silo = (ProjectResource)builder.Resources.Single(r => r.Name == "silo");
        var environment = await DeclaredEnvironmentAsync(silo);
        Assert.Equal("https://hooks.example.test/phdb", environment["Events__Webhooks__0__Url"]);
        Assert.Equal("HarvestCompleted", environment["Events__Webhooks__0__Events__0"]);
        Assert.Equal("00:00:30", environment["Events__MaxBackoff"]);
        var secret = Assert.IsType<ParameterResource>(environment["Events__Webhooks__0__Secret"]);
        Assert.True(secret.Secret);
        Assert.DoesNotContain(
            environment.Values,
            v => v is string text && text.Contains("webhook-secret", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task The_console_carries_the_dashboards_export_command_behind_a_generated_key()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            ["--ConnectionStrings:phdb=Host=db.example;Database=phdb;Username=phdb;Password=x"],
            TestContext.Current.CancellationToken
        );

        var console = builder.Resources.Single(r => r.Name == "admin");
        var command = console.Annotations.OfType<ResourceCommandAnnotation>().Single(c => c.Name == "export-now");
        Assert.Equal("Export now", command.DisplayName);
        Assert.Null(command.ConfirmationMessage);
        Assert.Contains(
            builder.Resources,
            r => r.Name == "export-control-key" && r is ParameterResource { Secret: true }
        );
    }

    [Fact]
    public void The_production_profile_requires_a_token_and_names_its_key()
    {
        IConfigurationBuilder Production() =>
            new ConfigurationBuilder()
                .SetBasePath(AppHostProcess.ProjectDirectory)
                .AddJsonFile("appsettings.json")
                .AddJsonFile("appsettings.Production.json");

        var error = Assert.Throws<InvalidSettingException>(() => PhdbHostSettings.Read(Production().Build()));
        Assert.Equal("Parameters:producthunt-token", error.Key);
        Assert.Contains("Parameters:producthunt-token", error.Message, StringComparison.Ordinal);

        var withToken = Production()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Parameters:producthunt-token"] = "live" })
            .Build();
        Assert.True(PhdbHostSettings.Read(withToken).RequireToken);
        var development = new ConfigurationBuilder()
            .SetBasePath(AppHostProcess.ProjectDirectory)
            .AddJsonFile("appsettings.json")
            .AddJsonFile("appsettings.Development.json")
            .Build();
        Assert.False(PhdbHostSettings.Read(development).RequireToken);
        Assert.Equal("2", development["Simulator:RateLimit:WindowSeconds"]);
    }

    [Fact]
    public async Task Run_as_production_without_a_token_the_apphost_says_so_in_one_line_and_starts_nothing()
    {
        using var data = new TemporaryDirectory("phdb-model-");
        var result = await AppHostProcess.RunAsync(
            ["--environment", "Production", $"--Phdb:DataDirectory={data.Path}"],
            TimeSpan.FromMinutes(1),
            TestContext.Current.CancellationToken
        );

        Assert.True(result.ExitCode == 78, result.ToString());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            "apphost: invalid setting Parameters:producthunt-token (not set): ",
            line,
            StringComparison.Ordinal
        );
        Assert.Empty(Directory.EnumerateFileSystemEntries(data.Path));
    }

    /// <summary>The environment as the model declares it: parameters stay references, never their values.</summary>
    private static async Task<Dictionary<string, object>> DeclaredEnvironmentAsync(IResource resource)
    {
        var context = new EnvironmentCallbackContext(
            new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish)
        );
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables;
    }
}
