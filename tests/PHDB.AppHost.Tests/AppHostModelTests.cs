using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using PHDB.LocalPostgres;

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
    public async Task Invalid_settings_are_refused_with_the_key_named(string key, string value)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
                [$"--Phdb:{key}={value}"],
                TestContext.Current.CancellationToken
            )
        );

        Assert.Contains($"Phdb:{key}", error.Message, StringComparison.Ordinal);
    }
}
