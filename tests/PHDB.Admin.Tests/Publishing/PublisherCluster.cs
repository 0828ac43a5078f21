using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace PHDB.Admin.Tests.Publishing;

/// <summary>
/// An in-process Orleans cluster of one silo whose publisher is <see cref="ScriptedPublicationGrain"/>: the page reaches
/// it through a real cluster client, and <c>PublicationStatus</c> crosses the real serializer.
/// </summary>
public sealed class PublisherCluster : IAsyncLifetime
{
    private TestCluster? cluster;

    /// <summary>The client the console's page is given.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>What the publisher answers and was asked.</summary>
    public PublisherScript Script => Cluster.GetSiloServiceProvider().GetRequiredService<PublisherScript>();

    private TestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSingleton<PublisherScript>();
            // The test assembly has no grain code generation: the grain class is named here.
            // It replaces the cluster's own publisher, which would otherwise also answer for IPublicationGrain.
            siloBuilder.Services.Configure<GrainTypeOptions>(o =>
            {
                o.Classes.Remove(typeof(PHDB.Grains.Publishing.PublicationGrain));
                o.Classes.Add(typeof(ScriptedPublicationGrain));
            });
        }
    }
}
