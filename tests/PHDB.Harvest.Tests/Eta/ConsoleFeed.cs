using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PHDB.Operations;
using PHDB.Storage;

namespace PHDB.Harvest.Tests.Eta;

/// <summary>The console's live view of a test cluster: its <see cref="HarvestFeed"/> on the cluster and the database.</summary>
internal static class ConsoleFeed
{
    /// <summary>A feed (not started) that pushes a view every <paramref name="pushInterval"/>.</summary>
    public static HarvestFeed Create(IClusterClient client, NpgsqlDataSource database, TimeSpan pushInterval) =>
        new(
            client,
            new StoredTotalsReader(database),
            TimeProvider.System,
            Options.Create(new HarvestFeedOptions { PushInterval = pushInterval }),
            NullLogger<HarvestFeed>.Instance
        );
}
