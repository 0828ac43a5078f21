using CsCheck;
using PHDB.Export.Writing.Parquet;

namespace PHDB.Export.Tests.Formats;

public sealed class ParquetPropertyTests
{
    [Fact]
    public async Task Hostile_text_round_trips_exactly_through_Parquet()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var duckDb = FormatHarness.OpenDuckDb();
        await FormatHarness.HostileTexts.SampleAsync(
            async texts =>
            {
                using var harness = FormatHarness.Create(new ParquetFormat());
                var file = (
                    await harness.WriteBatchesAsync(
                        FormatHarness.TextTable,
                        FormatHarness.TextBatches(texts, 7),
                        cancellation
                    )
                ).Single();
                Assert.Equal("parquet/texts.parquet", file.Path);
                Assert.Equal(texts.Length, file.Rows);
                var read = FormatHarness.Query(
                    duckDb,
                    $"SELECT id, body FROM {ParquetFormatTests.ReadParquet(harness.PathOf(file.Path))} ORDER BY id"
                );
                Assert.Equal(Enumerable.Range(0, texts.Length).Select(i => (long)i), read.Select(r => (long)r[0]!));
                Assert.Equal(texts, read.Select(r => (string?)r[1]));
            },
            iter: 60,
            threads: 1
        );
    }
}
