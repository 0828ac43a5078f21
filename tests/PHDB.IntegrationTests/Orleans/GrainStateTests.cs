using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using PHDB.Grains;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Orleans;

public sealed class GrainStateTests(PostgresServer postgres)
{
    [Fact]
    public async Task State_written_before_a_cluster_restart_is_read_back_after_it()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("state", TestContext.Current.CancellationToken);
        await using (var first = await PhdbTestCluster.StartAsync(database, silos: 1))
        {
            var counter = first.Client.GetGrain<IProbeCounterGrain>("restart");
            await counter.Add(5);
            Assert.Equal(7, await counter.Add(2));
            await first.StopAllSilosAsync(TestContext.Current.CancellationToken);
        }

        await using var second = await PhdbTestCluster.StartAsync(database, silos: 1);
        Assert.Equal(7, await second.Client.GetGrain<IProbeCounterGrain>("restart").Current());
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_rejected_and_changes_nothing()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("etag", TestContext.Current.CancellationToken);
        await using var cluster = await PhdbTestCluster.StartAsync(database, silos: 1);
        var storage = ((InProcessSiloHandle)cluster.Silos[0]).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(
            PhdbCluster.StateStorage
        );
        var grainId = GrainId.Create("probe-counter", "etag");

        var value = new ProbeCounterState { Value = 1 };
        var writer = new GrainState<ProbeCounterState>(value);
        await storage.WriteStateAsync("counter", grainId, writer);
        var staleEtag = writer.ETag;
        value.Value = 2;
        await storage.WriteStateAsync("counter", grainId, writer);
        Assert.NotEqual(staleEtag, writer.ETag);

        var stale = new GrainState<ProbeCounterState>(new ProbeCounterState { Value = 99 }) { ETag = staleEtag };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", grainId, stale));
        var blind = new GrainState<ProbeCounterState>(new ProbeCounterState { Value = 98 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", grainId, blind));

        var read = new GrainState<ProbeCounterState>(new ProbeCounterState());
        await storage.ReadStateAsync("counter", grainId, read);
        Assert.Equal(2, read.State!.Value);
        Assert.Equal(writer.ETag, read.ETag);
        Assert.True(read.RecordExists);

        await storage.ClearStateAsync("counter", grainId, read);
        var cleared = new GrainState<ProbeCounterState>(new ProbeCounterState());
        await storage.ReadStateAsync("counter", grainId, cleared);
        Assert.Equal(0, cleared.State?.Value ?? 0);
    }
}
