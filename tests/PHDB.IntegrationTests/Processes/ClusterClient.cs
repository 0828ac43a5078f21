using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using PHDB.Grains;

namespace PHDB.IntegrationTests.Processes;

/// <summary>
/// An Orleans client joined to silo processes through the membership table in <c>database</c>, as the console joins
/// them, with calls bounded at 10 s; <c>settings</c> add to its configuration (e.g. <c>Orleans:Tls:*</c>).
/// </summary>
internal static class ClusterClient
{
    public static async Task<IHost> StartAsync(
        string database,
        IReadOnlyDictionary<string, string?>? settings,
        CancellationToken cancellation
    )
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { [$"ConnectionStrings:{PhdbCluster.ConnectionStringName}"] = database }
        );
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.UseOrleansClient(client =>
            client
                .UsePhdbCluster(builder.Configuration)
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10))
        );
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
