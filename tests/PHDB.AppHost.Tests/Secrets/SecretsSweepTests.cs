using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PHDB.Runtime;
using PHDB.Testing;
using PHDB.Testing.Admin;

namespace PHDB.AppHost.Tests.Secrets;

/// <summary>
/// The whole app harvests with a known Product Hunt token and admin password; neither reaches any resource's console
/// output, any exported trace, log or metric, any row of the database (grain state included) or the console's HTML.
/// </summary>
[Collection(WholeApp.Collection)]
public sealed class SecretsSweepTests : IDisposable
{
    // Generous bounds: on a loaded machine the whole app takes minutes to start.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The resources that export telemetry (the PostgreSQL server and its initialisation do not).</summary>
    private static readonly string[] Services = ["simulator", "migrator", "silo", "admin"];

    /// <summary>The resources whose console output is swept; each must have written some.</summary>
    private static readonly string[] Consoles = ["postgres-init", "postgres", "simulator", "migrator", "silo", "admin"];

    private readonly TemporaryDirectory dataDirectory = new("phdb-secrets-");
    private readonly string token = "phdb-sweep-token-" + RandomNumberGenerator.GetHexString(32, lowercase: true);
    private readonly string adminPassword = AdminPassword.Generate();

    [Fact]
    public async Task Neither_the_token_nor_the_admin_password_appears_in_output_telemetry_database_or_console()
    {
        var cancellation = TestContext.Current.CancellationToken;
        SecretForms[] secrets = [new("the Product Hunt token", token), new("the admin password", adminPassword)];
        await using var collector = await OtlpCollector.StartAsync(cancellation);
        var consoleOutput = new ConsoleOutputRecorder();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            [
                $"--Phdb:DataDirectory={dataDirectory.Path}",
                $"--Phdb:AdminPort={LoopbackPort.Next()}",
                $"--Phdb:SimulatorPort={LoopbackPort.Next()}",
                "--Phdb:Silos=1",
                "--Phdb:UseSimulator=true",
                $"--Parameters:producthunt-token={token}",
                AdminPassword.AppHostArgument(adminPassword),
                "--Simulator:Scale=100",
                "--Simulator:RateLimit:WindowSeconds=1",
                "--Simulator:Clock:Speed=0",
                "--Harvest:Window=180.00:00:00",
                // Every trace exported, not a sample: the sweep must see all of them.
                "--Telemetry:Traces:SampleRatio=1",
            ],
            (options, _) => options.DisableDashboard = true,
            cancellation
        );
        builder.Services.AddLogging(logging => logging.AddProvider(consoleOutput));
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            // Declared after the AppHost's own OTLP settings, so these win: every service exports to the collector.
            var endpoint = collector.EndpointFor(project.Name).ToString();
            project.Annotations.Add(
                new EnvironmentCallbackAnnotation(context =>
                {
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                    context.EnvironmentVariables["OTEL_BSP_SCHEDULE_DELAY"] = "500";
                    context.EnvironmentVariables["OTEL_BLRP_SCHEDULE_DELAY"] = "500";
                    context.EnvironmentVariables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
                })
            );
        }

        var findings = new List<string>();
        await using (var app = await builder.BuildAsync(cancellation))
        {
            await app.StartAsync(cancellation).WaitAsync(StartTimeout, cancellation);
            var notifications = app.ResourceNotifications;
            await notifications
                .WaitForResourceHealthyAsync("admin", cancellation)
                .WaitAsync(StartTimeout, cancellation);
            var database = await app.GetConnectionStringAsync("phdb", cancellation);

            // The full harvest that starts by itself reads the simulator with the configured token.
            await Eventually.HoldsAsync(
                async () => await SucceededRunsAsync(database!) == 1,
                TimeSpan.FromMinutes(3),
                "the full harvest completed with the configured token",
                TimeSpan.FromSeconds(1)
            );

            // The sweep sees a secret where one is: the runtime file holds the token for the command line (mode 600).
            Assert.NotNull(
                secrets[0].FindIn(await File.ReadAllBytesAsync(RuntimeFile.PathIn(dataDirectory.Path), cancellation))
            );

            foreach (var (page, html) in await ConsolePagesAsync(app, database!, cancellation))
            {
                findings.AddRange(Find(secrets, $"the console's page {page}", html));
            }

            var tables = await DatabaseDump.ReadAsync(database!, cancellation);
            Assert.Contains(tables, t => t.Table == "public.orleans_grain_state" && t.Rows.Count > 0);
            Assert.Contains(tables, t => t.Table == "public.posts" && t.Rows.Count > 0);
            foreach (var table in tables)
            {
                findings.AddRange(table.Rows.SelectMany(row => Find(secrets, $"table {table.Table}", row)));
                findings.AddRange(
                    table.Binaries.SelectMany(bytes => Find(secrets, $"a binary value in table {table.Table}", bytes))
                );
            }

            await Eventually.HoldsAsync(
                () =>
                    Task.FromResult(
                        Services.All(s => OtlpCollector.Signals.All(signal => collector.HasReceived(s, signal)))
                    ),
                TimeSpan.FromSeconds(30),
                "traces, logs and metrics from every service at the collector; received: "
                    + string.Join(", ", collector.Exports.Select(e => $"{e.Resource}/{e.Signal}").Distinct())
            );
            await app.StopAsync(cancellation);
        }

        // The bodies carry their strings as they are: the silo's traces name the API's path.
        Assert.Contains(
            collector.Exports,
            e => e is { Resource: "silo", Signal: "traces" } && e.Body.AsSpan().IndexOf("/v2/api/graphql"u8) >= 0
        );
        foreach (var export in collector.Exports)
        {
            findings.AddRange(Find(secrets, $"{export.Resource}'s exported {export.Signal}", export.Body));
        }

        Assert.Superset(Consoles.ToHashSet(StringComparer.Ordinal), consoleOutput.Resources.ToHashSet());
        foreach (var (category, line) in consoleOutput.Lines)
        {
            findings.AddRange(Find(secrets, $"the console output of {category}", line));
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Distinct()));
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        dataDirectory.Dispose();
    }

    private static IEnumerable<string> Find(SecretForms[] secrets, string where, string text) =>
        secrets
            .Select(s => (s.Name, Form: s.FindIn(text)))
            .Where(f => f.Form is not null)
            .Select(f => $"{f.Name} (as '{f.Form}') in {where}: {Excerpt(text, f.Form!)}");

    private static IEnumerable<string> Find(SecretForms[] secrets, string where, byte[] bytes)
    {
        foreach (var secret in secrets)
        {
            if (secret.FindIn(bytes) is { } form)
            {
                yield return $"{secret.Name} (as '{form}') in {where}: {Excerpt(Encoding.UTF8.GetString(bytes), form)}";
            }
        }
    }

    private static string Excerpt(string text, string form)
    {
        var at = Math.Max(0, text.IndexOf(form, StringComparison.OrdinalIgnoreCase));
        var start = Math.Max(0, at - 120);
        return text[start..Math.Min(text.Length, at + form.Length + 120)].ReplaceLineEndings(" ");
    }

    /// <summary>Every page of the console, logged in (and its login page, not), with its HTML.</summary>
    private async Task<List<(string Page, string Html)>> ConsolePagesAsync(
        DistributedApplication app,
        string database,
        CancellationToken cancellation
    )
    {
        var address = app.GetEndpoint("admin", "http");
        var pages = new List<(string, string)>();
        using (var anonymous = AdminSession.CreateClient(address))
        {
            pages.Add(
                (
                    AdminSession.LoginPath,
                    await anonymous.GetStringAsync(new Uri(AdminSession.LoginPath, UriKind.Relative), cancellation)
                )
            );
        }

        using var session = await AdminSession.LogInAsync(address, adminPassword, cancellation);
        string[] paths =
        [
            "/",
            "/cluster",
            "/harvest",
            "/runs",
            "/posts",
            $"/posts/{await AnyPostAsync(database)}",
            "/topics",
            "/quality",
            "/exports",
            "/publishing",
            "/not-found",
        ];
        foreach (var path in paths)
        {
            using var response = await session.Client.GetAsync(new Uri(path, UriKind.Relative), cancellation);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            pages.Add((path, await response.Content.ReadAsStringAsync(cancellation)));
        }

        return pages;
    }

    private static async Task<long> AnyPostAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT min(id) FROM posts", connection);
        return (long)(await select.ExecuteScalarAsync())!;
    }

    private static async Task<long> SucceededRunsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM harvest_runs WHERE outcome = 'succeeded'",
            connection
        );
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
