using System.Collections.Concurrent;
using System.Globalization;
using PHDB.Export.Schema;
using PHDB.Export.Writing;

namespace PHDB.Admin.Tests.Exports;

/// <summary>Writes <c>tally/&lt;table&gt;.txt</c> with the table's row count when the table completes.</summary>
internal sealed class TallyWriter(string exportRoot) : IFormatWriter
{
    private readonly ConcurrentDictionary<string, long> written = new(StringComparer.Ordinal);

    public ValueTask<ITableWriter> BeginTableAsync(ExportTable table, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ITableWriter>(
            new TallyTable(rows =>
            {
                var path = Path.Join(exportRoot, TallyFormat.FormatName, $"{table.Name}.txt");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, rows.ToString(CultureInfo.InvariantCulture));
                written[table.Name] = rows;
            })
        );

    public ValueTask<IReadOnlyList<ExportedFile>> CompleteAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ExportedFile>>([
            .. written
                .OrderBy(w => w.Key, StringComparer.Ordinal)
                .Select(w => new ExportedFile(
                    $"{TallyFormat.FormatName}/{w.Key}.txt",
                    TallyFormat.FormatName,
                    new Dictionary<string, long> { [w.Key] = w.Value }
                )),
        ]);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
