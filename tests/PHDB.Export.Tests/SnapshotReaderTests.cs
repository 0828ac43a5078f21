using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Tests;

public sealed class SnapshotReaderTests(HarvestedWorld world)
{
    [Fact]
    public async Task Every_harvested_table_streams_as_many_rows_as_PostgreSQL_counts()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var snapshot = await ExportSnapshot.TakeAsync(world.DataSource, cancellation);
        await using var connection = await snapshot.OpenConnectionAsync(cancellation);
        foreach (var table in PhdbLayout.HarvestedTables)
        {
            long streamed = 0;
            await foreach (var batch in connection.ReadAsync(table, table.Query!, 1000, cancellation))
            {
                streamed += batch.Count;
            }

            var counted = await snapshot.ScalarAsync<long>($"SELECT count(*) FROM ({table.Query}) q", cancellation);
            Assert.Equal(counted, streamed);
            if (table.Name is "posts" or "votes" or "comments" or "users")
            {
                Assert.True(counted > 0, $"the harvested world has {table.Name}");
            }
        }
    }
}
