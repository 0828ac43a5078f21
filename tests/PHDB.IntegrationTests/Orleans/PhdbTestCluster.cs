using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using PHDB.Grains;

namespace PHDB.IntegrationTests.Orleans;

/// <summary>
/// An in-process Orleans test cluster configured exactly as the PHDB silos and clients are: membership,
/// grain state and reminders on the given PostgreSQL database. Reminders may tick every second here.
/// </summary>
internal static class PhdbTestCluster
{
    public static async Task<TestCluster> StartAsync(string connectionString, short silos = 2)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.ConfigureHostConfiguration(configuration =>
            configuration.AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    [$"ConnectionStrings:{PhdbCluster.ConnectionStringName}"] = connectionString,
                }
            )
        );
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder
                .UsePhdbCluster(siloBuilder.Configuration)
                .Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UsePhdbCluster(configuration);
    }
}
