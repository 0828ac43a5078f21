using CsCheck;
using PHDB.Export.Writing;
using PHDB.Export.Writing.Csv;

namespace PHDB.Export.Tests.Formats;

public sealed class CsvPropertyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hostile_text_round_trips_exactly_through_CSV(bool gzip)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var duckDb = FormatHarness.OpenDuckDb();
        await FormatHarness.HostileTexts.SampleAsync(
            async texts =>
            {
                using var harness = FormatHarness.Create(new CsvFormat(), new FormatOptions(Gzip: gzip));
                var file = (
                    await harness.WriteBatchesAsync(
                        FormatHarness.TextTable,
                        FormatHarness.TextBatches(texts, 7),
                        cancellation
                    )
                ).Single();
                Assert.Equal(gzip ? "csv/texts.csv.gz" : "csv/texts.csv", file.Path);
                Assert.Equal(texts.Length, file.Rows);
                var path = harness.PathOf(file.Path);
                if (!gzip)
                {
                    var bytes = await File.ReadAllBytesAsync(path, cancellation);
                    Assert.True(bytes.AsSpan().StartsWith("id,body\n"u8), "no BOM, then the header row");
                    Assert.Equal(texts.Length + 1, CsvFormatTests.CsvLines(bytes));
                }

                var read = FormatHarness.Query(
                    duckDb,
                    $"SELECT id, body FROM {CsvDuckDb.ReadCsv(FormatHarness.TextTable, path)} ORDER BY id"
                );
                Assert.Equal(Enumerable.Range(0, texts.Length).Select(i => (long)i), read.Select(r => (long)r[0]!));
                Assert.Equal(texts, read.Select(r => (string?)r[1]));
            },
            iter: 60,
            threads: 1
        );
    }
}
