using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using PHDB.Migrations;
using PHDB.Runtime;
using PHDB.Testing;

namespace PHDB.Cli.Tests.EndToEnd;

/// <summary>
/// The commands that check and find PHDB, as separate processes: verify, db migrate/status, health, and finding a
/// running AppHost through its runtime file; bad input exits with its documented code.
/// </summary>
public sealed class CheckCommandsTests(RunningPhdb phdb, PostgresServer postgres) : IClassFixture<RunningPhdb>
{
    [Fact]
    public async Task Verify_reports_the_tokens_owner_and_budget_and_never_prints_the_token()
    {
        var configured = await Phdb(["verify", "--json"], phdb.ApiEnvironment);
        Assert.True(configured.ExitCode == 0, configured.ToString());
        using (var json = JsonDocument.Parse(configured.Output))
        {
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("owner").GetString()), configured.Output);
            Assert.Equal("private (acts for its owner)", json.RootElement.GetProperty("scope").GetString());
            Assert.True(json.RootElement.GetProperty("remaining").GetInt32() > 0, configured.Output);
            Assert.Equal("…" + phdb.Simulator.DeveloperToken[^4..], json.RootElement.GetProperty("token").GetString());
        }

        Assert.DoesNotContain(phdb.Simulator.DeveloperToken, configured.Output, StringComparison.Ordinal);

        var piped = await Phdb(
            ["verify", "--token-stdin", "--api", phdb.Simulator.BaseAddress.ToString()],
            standardInput: phdb.Simulator.DeveloperToken + "\n"
        );
        Assert.True(piped.ExitCode == 0, piped.ToString());
        Assert.Contains("standard input", piped.Output, StringComparison.Ordinal);
        Assert.Contains("Budget left", piped.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(phdb.Simulator.DeveloperToken, piped.Output + piped.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_exits_77_naming_the_error_and_the_setting()
    {
        const string wrong = "not-a-valid-token-4711";
        var refused = await Phdb(
            ["verify", "--token-stdin", "--api", phdb.Simulator.BaseAddress.ToString()],
            standardInput: wrong
        );

        Assert.True(refused.ExitCode == 77, refused.ToString());
        Assert.Contains("invalid_oauth_token", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Parameters:producthunt-token", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, refused.Error, StringComparison.Ordinal);
        Assert.Contains("…4711", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_verify_exits_78()
    {
        var none = await Phdb(["verify"], new Dictionary<string, string?> { ["ProductHunt__Token"] = null });

        Assert.True(none.ExitCode == 78, none.ToString());
        Assert.Contains("No Product Hunt token", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_migrate_creates_and_migrates_an_empty_database_and_is_idempotent()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var missing = new NpgsqlConnectionStringBuilder(postgres.ConnectionString("postgres"))
        {
            Database = "phdb_cli_init_" + Guid.NewGuid().ToString("N")[..8],
        }.ConnectionString;
        var scripts = SchemaMigrator.ScriptNames.Count;

        var before = await Phdb(["db", "status", "--json", "--database", missing]);
        Assert.True(before.ExitCode == 0, before.ToString());
        using (var json = JsonDocument.Parse(before.Output))
        {
            Assert.False(json.RootElement.GetProperty("exists").GetBoolean());
            Assert.Equal(scripts, json.RootElement.GetProperty("pending").GetArrayLength());
        }

        var dryRun = await Phdb(["db", "migrate", "--dry-run", "--database", missing]);
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains($"{scripts} migration(s) would be applied", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("0001_orleans_clustering.sql", dryRun.Output, StringComparison.Ordinal);

        var migrate = await Phdb(["db", "migrate", "--json", "--database", missing]);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        using (var json = JsonDocument.Parse(migrate.Output))
        {
            Assert.Equal(scripts, json.RootElement.GetProperty("applied").GetArrayLength());
        }

        var again = await Phdb(["db", "migrate", "--database", missing]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing applied", again.Output, StringComparison.Ordinal);

        var after = await Phdb(["db", "status", "--database", missing]);
        Assert.Contains("is at the current schema", after.Output, StringComparison.Ordinal);
        Assert.Equal(scripts, after.Output.Split('\n').Count(l => l.Contains(" applied ", StringComparison.Ordinal)));
        Assert.True((await SchemaMigrator.GetStatusAsync(missing, cancellation)).IsCurrent);
    }

    [Fact]
    public async Task Health_checks_database_api_cluster_and_disk()
    {
        var health = await Phdb(["health", "--json"], phdb.ApiEnvironment);

        using var json = JsonDocument.Parse(health.Output);
        var checks = json
            .RootElement.GetProperty("checks")
            .EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(["database", "api", "cluster", "disk"], checks.Keys);
        Assert.Equal("pass", checks["database"]);
        Assert.Equal("pass", checks["api"]);
        Assert.Equal("pass", checks["cluster"]);
        Assert.NotEqual("fail", checks["disk"]);
        var status = json.RootElement.GetProperty("status").GetString();
        Assert.Equal(status == "healthy" ? 0 : 2, health.ExitCode);

        var table = await Phdb(["health"], phdb.ApiEnvironment);
        Assert.Contains("2 active silo(s)", table.Output, StringComparison.Ordinal);
        Assert.Contains($"PHDB is {status}.", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_without_phdb_is_unhealthy_with_exit_code_1()
    {
        var health = await CliProcess.RunAsync(
            ["health", "--json"],
            cancellationToken: TestContext.Current.CancellationToken
        );

        Assert.True(health.ExitCode == 1, health.ToString());
        using var json = JsonDocument.Parse(health.Output);
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks")[0];
        Assert.Equal("fail", database.GetProperty("status").GetString());
        Assert.Contains("PHDB is not running", database.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_exits_69_with_one_line()
    {
        var closed = LoopbackPort.Next();
        var result = await CliProcess.RunAsync(
            ["status", "--database", $"Host=127.0.0.1;Port={closed};Database=phdb;Username=phdb;Password=secret-pw"],
            cancellationToken: TestContext.Current.CancellationToken
        );

        Assert.True(result.ExitCode == 69, result.ToString());
        Assert.Contains($"127.0.0.1:{closed}/phdb cannot be reached", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_running_apphosts_runtime_file_is_found_without_options_and_a_stale_one_is_not()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var directory = new TemporaryDirectory("phdb-cli-runtime");
        var environment = new Dictionary<string, string?> { ["PHDB_DATA_DIRECTORY"] = directory.Path };
        await RuntimeFile.WriteAsync(directory.Path, Runtime(Environment.ProcessId), cancellation);

        var found = await CliProcess.RunAsync(["status", "--json"], environment, cancellationToken: cancellation);
        Assert.True(found.ExitCode == 0, found.ToString());
        using (var json = JsonDocument.Parse(found.Output))
        {
            Assert.True(json.RootElement.GetProperty("silos").GetArrayLength() >= 2, found.Output);
        }

        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync(cancellation);
        await RuntimeFile.WriteAsync(directory.Path, Runtime(gone.Id), cancellation);
        var stale = await CliProcess.RunAsync(["status"], environment, cancellationToken: cancellation);
        Assert.True(stale.ExitCode == 69, stale.ToString());
        Assert.Contains("PHDB is not running", stale.Error, StringComparison.Ordinal);
    }

    private RuntimeInfo Runtime(int processId) =>
        new(
            processId,
            DateTimeOffset.UtcNow,
            "Development",
            CliProcess.RepositoryRoot,
            phdb.Database,
            phdb.ClusterId,
            phdb.Simulator.BaseAddress,
            phdb.Simulator.DeveloperToken,
            null,
            null
        );

    private Task<CliResult> Phdb(
        string[] arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? standardInput = null
    ) =>
        CliProcess.RunAsync(
            arguments.Contains("--database") ? arguments : [.. arguments, .. phdb.Target],
            environment,
            standardInput,
            cancellationToken: TestContext.Current.CancellationToken
        );
}
