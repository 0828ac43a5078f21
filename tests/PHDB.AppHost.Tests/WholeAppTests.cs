using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PHDB.Runtime;
using PHDB.Testing;
using PHDB.Testing.Admin;
using PHDB.Testing.Truth;

namespace PHDB.AppHost.Tests;

/// <summary>The whole distributed app, started as <c>dotnet run --project PHDB.AppHost</c> would start it.</summary>
[Collection(WholeApp.Collection)]
public sealed partial class WholeAppTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly TemporaryDirectory dataDirectory = new("phdb-apphost-");
    private readonly string adminPassword = AdminPassword.Generate();

    [Fact]
    public async Task Starts_every_resource_harvests_through_a_killed_silo_and_reuses_its_data_directory()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var adminPort = LoopbackPort.Next();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            Arguments(adminPort),
            (options, _) => options.DisableDashboard = true,
            cancellation
        );
        Assert.Contains(builder.Resources, r => r.Name == "postgres-init");

        await using (var app = await builder.BuildAsync(cancellation))
        {
            await app.StartAsync(cancellation).WaitAsync(StartTimeout, cancellation);
            var notifications = app.ResourceNotifications;
            await notifications
                .WaitForResourceHealthyAsync("postgres", cancellation)
                .WaitAsync(StartTimeout, cancellation);
            var migrated = await notifications
                .WaitForResourceAsync(
                    "migrator",
                    e => e.Snapshot.State?.Text == KnownResourceStates.Finished,
                    cancellation
                )
                .WaitAsync(StartTimeout, cancellation);
            Assert.Equal(0, migrated.Snapshot.ExitCode);
            await notifications
                .WaitForResourceHealthyAsync("admin", cancellation)
                .WaitAsync(StartTimeout, cancellation);

            var database = await app.GetConnectionStringAsync("phdb", cancellation);
            await Eventually.HoldsAsync(
                async () => await ActiveSilosAsync(database!) == 2,
                TimeSpan.FromSeconds(60),
                "2 silos Active in the membership table"
            );

            using var admin = app.CreateHttpClient("admin");
            using var session = await AdminSession.LogInAsync(
                app.GetEndpoint("admin", "http"),
                adminPassword,
                cancellation
            );
            Assert.Equal(
                HttpStatusCode.OK,
                (await admin.GetAsync(new Uri("/health", UriKind.Relative), cancellation)).StatusCode
            );
            await Eventually.HoldsAsync(
                async () =>
                    ActiveSilosOnClusterPage(
                        await session.Client.GetStringAsync(new Uri("/cluster", UriKind.Relative), cancellation)
                    ) == 2,
                TimeSpan.FromSeconds(30),
                "the admin Cluster page listing 2 active silos"
            );

            // The runtime file for the command line: owner-only, and its connection string reaches the database.
            var runtimePath = RuntimeFile.PathIn(dataDirectory.Path);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(runtimePath));
            var runtime = RuntimeFile.TryRead(dataDirectory.Path);
            Assert.NotNull(runtime);
            Assert.Equal(Environment.ProcessId, runtime.ProcessId);
            await using (var connection = new NpgsqlConnection(runtime.ConnectionString))
            {
                await connection.OpenAsync(cancellation);
            }

            // The dashboard's harvest commands reach the coordinator; the silos refuse requests without the key.
            using var silo = app.CreateHttpClient("silo");
            var harvestPause = new Uri("/harvest/pause", UriKind.Relative);
            Assert.Equal(
                HttpStatusCode.Unauthorized,
                (await silo.PostAsync(harvestPause, null, cancellation)).StatusCode
            );
            using var wrongKey = new HttpRequestMessage(HttpMethod.Post, harvestPause);
            wrongKey.Headers.Add("X-PHDB-Control-Key", "not-the-key");
            Assert.Equal(HttpStatusCode.Forbidden, (await silo.SendAsync(wrongKey, cancellation)).StatusCode);
            var commands = app.Services.GetRequiredService<ResourceCommandService>();
            var silos = builder.Resources.Single(r => r.Name == "silo");
            foreach (var command in (string[])["harvest-pause", "harvest-resume"])
            {
                var result = await commands.ExecuteCommandAsync(silos, command, cancellation);
                Assert.True(result.Success, $"{command}: {result.Message}");
            }

            Assert.Equal(0, await FinishedRunsAsync(database!));
            var victim = (await SiloProcessIdsAsync(app, expected: 2, cancellation))[0];
            using (var process = Process.GetProcessById(victim))
            {
                process.Kill(entireProcessTree: true);
            }

            await Eventually.HoldsAsync(
                async () => await ActiveSilosAsync(database!) == 1 && await DeadSilosAsync(database!) == 1,
                TimeSpan.FromSeconds(15),
                "the killed silo marked Dead in the membership table within 15 s"
            );
            await Eventually.HoldsAsync(
                async () =>
                {
                    var page = await session.Client.GetStringAsync(new Uri("/cluster", UriKind.Relative), cancellation);
                    return ActiveSilosOnClusterPage(page) == 1
                        && page.Contains("data-status=\"Dead\"", StringComparison.Ordinal);
                },
                TimeSpan.FromSeconds(15),
                "the admin Cluster page showing 1 active and 1 dead silo"
            );
            Assert.Equal(
                HttpStatusCode.OK,
                (await admin.GetAsync(new Uri("/health", UriKind.Relative), cancellation)).StatusCode
            );

            // The full harvest that started by itself survives the loss of a silo and ends equal to the API's truth.
            await Eventually.HoldsAsync(
                async () => await FinishedRunsAsync(database!, "succeeded") == 1,
                TimeSpan.FromMinutes(5),
                "the full harvest completed on the surviving silo",
                TimeSpan.FromSeconds(1)
            );
            var report = await TruthComparison.CompareAsync(
                app.GetEndpoint("simulator", "http"),
                database!,
                cancellation
            );
            Assert.True(report.IsExactMatch, report.ToString());

            await app.StopAsync(cancellation);
            Assert.False(File.Exists(runtimePath), "the runtime file removed when the AppHost stopped");
        }

        await using var second = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            Arguments(LoopbackPort.Next()),
            cancellation
        );
        Assert.DoesNotContain(second.Resources, r => r.Name == "postgres-init");
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        dataDirectory.Dispose();
    }

    private string[] Arguments(int adminPort) =>
        [
            $"--Phdb:DataDirectory={dataDirectory.Path}",
            $"--Phdb:AdminPort={adminPort}",
            $"--Phdb:SimulatorPort={LoopbackPort.Next()}",
            "--Phdb:Silos=2",
            "--Simulator:Scale=1500",
            "--Simulator:RateLimit:WindowSeconds=1",
            "--Harvest:LeaseDuration=00:00:15",
            "--Simulator:Clock:Speed=0",
            "--Harvest:Window=180.00:00:00",
            AdminPassword.AppHostArgument(adminPassword),
        ];

    private static async Task<List<int>> SiloProcessIdsAsync(
        DistributedApplication app,
        int expected,
        CancellationToken cancellation
    )
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var processIds = new Dictionary<string, int>();
        await foreach (var update in app.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (
                update.Resource.Name == "silo"
                && update.Snapshot.State?.Text == KnownResourceStates.Running
                && update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            )
            {
                processIds[update.ResourceId] = Convert.ToInt32(pid, CultureInfo.InvariantCulture);
                if (processIds.Count == expected)
                {
                    break;
                }
            }
        }

        return [.. processIds.Values];
    }

    private static int ActiveSilosOnClusterPage(string html) =>
        ActiveSilos().Match(html) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : -1;

    [GeneratedRegex("data-testid=\"active-silos\"[^>]*>\\s*(\\d+)")]
    private static partial Regex ActiveSilos();

    private static async Task<long> FinishedRunsAsync(string database, string? outcome = null)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM harvest_runs WHERE outcome <> 'running' AND (@outcome::text IS NULL OR outcome = @outcome)",
            connection
        );
        count.Parameters.AddWithValue("outcome", (object?)outcome ?? DBNull.Value);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static Task<long> ActiveSilosAsync(string database) => CountSilosAsync(database, status: 3);

    private static Task<long> DeadSilosAsync(string database) => CountSilosAsync(database, status: 6);

    private static async Task<long> CountSilosAsync(string database, int status)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_membership WHERE status = @status",
            connection
        );
        count.Parameters.AddWithValue("status", status);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
