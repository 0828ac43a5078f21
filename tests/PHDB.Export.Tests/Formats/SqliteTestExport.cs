using PHDB.Export.Reading;
using PHDB.Export.Schema;
using PHDB.Export.Writing;
using PHDB.Export.Writing.Sqlite;

namespace PHDB.Export.Tests.Formats;

/// <summary>An export of some tables of the harvested world to SQLite, three tables at a time.</summary>
internal sealed record SqliteTestExport(string Root, string File, ExportedFile Exported)
{
    public static async Task<SqliteTestExport> RunAsync(
        HarvestedWorld world,
        IReadOnlyList<ExportTable> tables,
        CancellationToken cancellationToken
    )
    {
        var root = Directory.CreateTempSubdirectory("phdb-sqlite-export-").FullName;
        await using var snapshot = await ExportSnapshot.TakeAsync(world.DataSource, cancellationToken);
        await using var writer = new SqliteFormat().Open(root, new FormatOptions());
        await Parallel.ForEachAsync(
            tables,
            new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = cancellationToken },
            async (table, token) =>
            {
                await using var connection = await snapshot.OpenConnectionAsync(token);
                await using var tableWriter = await writer.BeginTableAsync(table, token);
                await foreach (var batch in connection.ReadAsync(table, table.Query!, 5000, token))
                {
                    await tableWriter.WriteAsync(batch, token);
                }

                await tableWriter.CompleteAsync(token);
            }
        );
        var files = await writer.CompleteAsync(cancellationToken);
        return new SqliteTestExport(root, Path.Combine(root, SqliteFormat.FileName), Assert.Single(files));
    }
}
