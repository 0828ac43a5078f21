using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PHDB.Grains;
using PHDB.Grains.Harvest;
using PHDB.IntegrationTests.Processes;
using PHDB.Simulator.Hosting;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.IntegrationTests.Network;

/// <summary>
/// The cluster on several hosts, on one machine: three silos in three network namespaces and the console in a fourth,
/// joined by veth links to a bridge where PostgreSQL and the simulator listen, every cluster connection over mutual TLS
/// and every database connection as the application role. A 2,000-post harvest runs; mid-harvest one silo's link is
/// cut: it is declared dead within 15 s and the others complete the run, equal to the simulator's truth.
/// </summary>
[Collection(nameof(MultiHostClusterTests))]
public sealed class MultiHostClusterTests
{
    private const int Scale = 2_000;
    private const int SiloHttpPort = 8080;
    private const int SiloPort = 11111;
    private const int GatewayPort = 30000;
    private static readonly TimeSpan DeclaredDeadWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Three_silos_on_three_hosts_over_tls_harvest_through_a_cut_link_equal_to_the_truth()
    {
        // CI runs as root with iproute2 installed: there the test must run, never skip.
        Assert.SkipUnless(
            IsolatedNetwork.CanCreate || Environment.GetEnvironmentVariable("CI") == "true",
            "Network namespaces need root and ip (iproute2)."
        );
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        var wall = Stopwatch.StartNew();

        await using var network = await IsolatedNetwork.CreateAsync(cancellation);
        var silos = new Dictionary<string, IPAddress>();
        for (var i = 1; i <= 3; i++)
        {
            silos[$"silo{i}"] = await network.AddHostAsync($"silo{i}", 10 + i, cancellation);
        }

        var consoleAddress = await network.AddHostAsync("console", 20, cancellation);
        var bridge = IsolatedNetwork.BridgeAddress.ToString();

        await using var postgres = PostgresServer.ListeningAlsoOn(bridge, IsolatedNetwork.Subnet);
        await postgres.InitializeAsync();
        var owner = await postgres.CreateMigratedDatabaseAsync("multi_host", cancellation);
        var application = new NpgsqlConnectionStringBuilder(
            await PostgresServer.ApplicationConnectionAsync(owner, cancellation)
        )
        {
            Host = bridge,
        }.ConnectionString;

        await using var simulator = await SimulatorHost.StartAsync(
            IsolatedNetwork.BridgeAddress,
            o =>
            {
                o.Scale = Scale;
                o.Clock.Speed = 0;
                o.RateLimit.Points = 100_000_000;
            },
            cancellationToken: cancellation
        );

        using var authority = new TestCertificateAuthority();
        var hosts = new List<NamespacedHost>();
        try
        {
            foreach (var (name, address) in silos)
            {
                var settings = HarvestCluster.Settings(application, simulator);
                foreach (var (key, value) in authority.Issue(name, address).Settings)
                {
                    settings[key] = value;
                }

                settings.Remove("Orleans:Tls:Enabled"); // on by default: the advertised address is not loopback
                settings["Orleans:AdvertisedAddress"] = address.ToString();
                settings["Orleans:SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture);
                settings["Orleans:GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture);
                settings["Export:Directory"] = Path.Join(Path.GetTempPath(), "phdb-multi-host-exports", name);
                hosts.Add(
                    NamespacedHost.Start(
                        "PHDB.Silo",
                        IsolatedNetwork.Namespace(name),
                        new Uri($"http://{address}:{SiloHttpPort}/"),
                        settings
                    )
                );
            }

            var console = new Dictionary<string, string?>(authority.Issue("console", consoleAddress).Settings)
            {
                [$"ConnectionStrings:{PhdbCluster.ConnectionStringName}"] = application,
                ["Admin:Password"] = "multi-host-console-password",
                ["Export:Directory"] = Path.Join(Path.GetTempPath(), "phdb-multi-host-exports", "console"),
            };
            hosts.Add(
                NamespacedHost.Start(
                    "PHDB.Admin",
                    IsolatedNetwork.Namespace("console"),
                    new Uri($"http://{consoleAddress}:{SiloHttpPort}/"),
                    console
                )
            );
            await Task.WhenAll(hosts.Select(h => h.WaitHealthyAsync(cancellation)));
            var started = wall.Elapsed;

            // Nothing leaves the namespaces: each reaches the subnet and nothing beyond it.
            foreach (var name in silos.Keys.Append("console"))
            {
                Assert.True(
                    await IsolatedNetwork.RoutesToAsync(name, IsolatedNetwork.BridgeAddress, cancellation),
                    $"{name} cannot reach the bridge"
                );
                Assert.False(
                    await IsolatedNetwork.RoutesToAsync(name, IPAddress.Parse("1.1.1.1"), cancellation),
                    $"{name} has a route beyond the subnet: {await IsolatedNetwork.RoutesAsync(name, cancellation)}"
                );
            }

            Assert.Equal(4, (await IsolatedNetwork.BridgeMembersAsync(cancellation)).Count);
            Assert.Equal(
                silos.Values.Select(a => a.ToString()).Order(StringComparer.Ordinal),
                (await MembershipAsync(owner, cancellation))
                    .Where(m => m.Status == SiloStatus.Active)
                    .Select(m => m.Address)
                    .Order(StringComparer.Ordinal)
            );

            using var joining = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            joining.CancelAfter(TimeSpan.FromSeconds(60));
            using var client = await ClusterClient.StartAsync(
                application,
                authority.Issue("operator", IsolatedNetwork.BridgeAddress).Settings,
                joining.Token
            );
            var coordinator = client
                .Services.GetRequiredService<IClusterClient>()
                .GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
            await coordinator.StartFull();
            await Eventually.HoldsAsync(
                async () => await CountPostsAsync(owner, cancellation) >= Scale / 3,
                TimeSpan.FromMinutes(5),
                $"a third of the {Scale} posts stored",
                TimeSpan.FromMilliseconds(200)
            );
            var postsAtCut = await CountPostsAsync(owner, cancellation);

            var cut = silos.Last();
            await network.CutAsync(cut.Key, cancellation);
            var sinceCut = Stopwatch.StartNew();
            await Eventually.HoldsAsync(
                async () =>
                    (await MembershipAsync(owner, cancellation)).Any(m =>
                        m.Address == cut.Value.ToString() && m.Status == SiloStatus.Dead
                    ),
                TimeSpan.FromSeconds(60),
                $"{cut.Key} ({cut.Value}) marked Dead after its link was cut",
                TimeSpan.FromMilliseconds(100)
            );
            var declaredDead = sinceCut.Elapsed;

            try
            {
                await Eventually.HoldsAsync(
                    async () => (await coordinator.GetStatus()).Phase == HarvestPhase.Completed,
                    TimeSpan.FromMinutes(8),
                    "the full harvest completed on the two silos left",
                    TimeSpan.FromMilliseconds(250)
                );
            }
            catch (TimeoutException)
            {
                output?.WriteLine(await SessionsAsync(owner, cancellation));
                throw;
            }
            var completedAfterCut = sinceCut.Elapsed;
            var status = await coordinator.GetStatus();
            var report = await TruthComparison.CompareAsync(simulator.BaseAddress, owner, cancellation);
            var limited = simulator.Stats.Read().Values.Sum(s => s.RateLimited);
            output?.WriteLine(
                $"4 hosts up {started.TotalSeconds:F1} s after start; link of {cut.Key} cut with {postsAtCut} posts "
                    + $"stored; declared dead {declaredDead.TotalSeconds:F1} s after; run completed "
                    + $"{completedAfterCut.TotalSeconds:F1} s after the cut; truth "
                    + $"{report.Sets.Count(s => s.IsExactMatch)} of {report.Sets.Count} sets equal; {status.Parked} "
                    + $"parked; {limited} 429s; {wall.Elapsed.TotalSeconds:F0} s in all"
            );

            Assert.True(
                declaredDead <= DeclaredDeadWithin,
                $"{cut.Key} was declared dead {declaredDead.TotalSeconds:F1} s after its link was cut"
            );
            Assert.True(report.IsExactMatch, report.ToString());
            Assert.Equal(0, status.Parked);
            Assert.Equal(0, limited);
            Assert.All(hosts.Take(2).Append(hosts[^1]), h => Assert.False(h.HasExited, $"{h.Name} ended:\n{h.Output}"));
        }
        catch (Exception) when (Describe(hosts, output))
        {
            throw;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Writes every host's output to the test's output; never handles the exception.</summary>
    private static bool Describe(IEnumerable<NamespacedHost> hosts, ITestOutputHelper? output)
    {
        foreach (var host in hosts)
        {
            var text = host.Output;
            output?.WriteLine($"--- {host.Name} (last 4,000 characters)\n{text[Math.Max(0, text.Length - 4000)..]}");
        }

        return false;
    }

    private static async Task<List<(string Address, SiloStatus Status)>> MembershipAsync(
        string database,
        CancellationToken cancellation
    )
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellation);
        await using var query = new NpgsqlCommand("SELECT address, status FROM orleans_membership", connection);
        await using var reader = await query.ExecuteReaderAsync(cancellation);
        var rows = new List<(string, SiloStatus)>();
        while (await reader.ReadAsync(cancellation))
        {
            rows.Add((reader.GetString(0), (SiloStatus)reader.GetInt32(1)));
        }

        return rows;
    }

    /// <summary>The server's sessions and what they wait for: who holds up the hosts left, when the run stalls.</summary>
    private static async Task<string> SessionsAsync(string database, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellation);
        await using var query = new NpgsqlCommand(
            """
            SELECT pid, client_addr::text, state, wait_event_type, wait_event,
                   round(extract(epoch FROM now() - xact_start))::int, pg_blocking_pids(pid)::text, left(query, 80)
            FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            """,
            connection
        );
        await using var reader = await query.ExecuteReaderAsync(cancellation);
        var lines = new System.Text.StringBuilder(
            "sessions (pid, client, state, wait, transaction age s, blocked by, query):\n"
        );
        while (await reader.ReadAsync(cancellation))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            lines.AppendJoin(" | ", values).Append('\n');
        }

        return lines.ToString();
    }

    private static async Task<long> CountPostsAsync(string database, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellation);
        await using var query = new NpgsqlCommand("SELECT count(*) FROM posts", connection);
        return (long)(await query.ExecuteScalarAsync(cancellation))!;
    }
}

/// <summary>Runs <see cref="MultiHostClusterTests"/> alone: it owns the machine's 198.18.0.0/24 bridge and namespaces.</summary>
[CollectionDefinition(nameof(MultiHostClusterTests), DisableParallelization = true)]
public sealed class MultiHostClusterIsolation;
