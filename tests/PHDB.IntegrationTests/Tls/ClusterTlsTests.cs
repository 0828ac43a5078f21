using Microsoft.Extensions.DependencyInjection;
using PHDB.Grains.Harvest;
using PHDB.IntegrationTests.Processes;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.IntegrationTests.Tls;

/// <summary>
/// Two silo processes with mutual TLS, connected to PostgreSQL as the least-privilege application role, as a
/// deployment on several hosts runs them: a client with a certificate of the cluster's authority harvests through
/// them equal to the simulator's truth; a client without TLS, or with another authority's certificate, never joins.
/// </summary>
public sealed class ClusterTlsTests(PostgresServer postgres)
{
    private static readonly TimeSpan RefusedWithin = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_tls_cluster_on_the_application_role_harvests_equal_to_the_truth_and_refuses_strangers()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var authority = new TestCertificateAuthority();
        using var stranger = new TestCertificateAuthority("Another CA");
        await using var simulator = await HarvestCluster.StartWorldAsync(100, cancellation);
        var owner = await postgres.CreateMigratedDatabaseAsync("tls_cluster", cancellation);
        var application = await PostgresServer.ApplicationConnectionAsync(owner, cancellation);

        await using var first = SiloProcess.Start(
            application,
            SiloSettings(application, simulator, authority.Issue("silo-a"))
        );
        await using var second = SiloProcess.Start(
            application,
            SiloSettings(application, simulator, authority.Issue("silo-b"))
        );
        await Task.WhenAll(first.WaitHealthyAsync(cancellation), second.WaitHealthyAsync(cancellation));

        Assert.False(
            await JoinsAsync(application, new Dictionary<string, string?>(), cancellation),
            "a client without TLS joined the cluster"
        );
        Assert.False(
            await JoinsAsync(application, stranger.Issue("intruder").Settings, cancellation),
            "a client with another authority's certificate joined the cluster"
        );

        using var client = await ClusterClient.StartAsync(
            application,
            authority.Issue("console").Settings,
            cancellation
        );
        var coordinator = client
            .Services.GetRequiredService<IClusterClient>()
            .GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        await coordinator.StartFull();
        await Eventually.HoldsAsync(
            async () => (await coordinator.GetStatus()).Phase == HarvestPhase.Completed,
            TimeSpan.FromMinutes(3),
            "the full harvest over TLS completed",
            TimeSpan.FromMilliseconds(250)
        );

        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, owner, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());
        Assert.Contains("Authentication failed", first.Output + second.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> SiloSettings(
        string database,
        PHDB.Simulator.Hosting.SimulatorHost simulator,
        HostCertificate certificate
    )
    {
        var settings = HarvestCluster.Settings(database, simulator);
        foreach (var (key, value) in certificate.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Whether a client with <paramref name="tls"/> joins within <see cref="RefusedWithin"/>.</summary>
    private static async Task<bool> JoinsAsync(
        string database,
        IReadOnlyDictionary<string, string?> tls,
        CancellationToken cancellation
    )
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bound.CancelAfter(RefusedWithin);
        try
        {
            using var client = await ClusterClient.StartAsync(database, tls, bound.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return false;
        }
    }
}
