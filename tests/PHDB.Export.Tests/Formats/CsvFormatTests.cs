using System.Text;
using System.Text.RegularExpressions;
using PHDB.Export.Schema;
using PHDB.Export.Writing;
using PHDB.Export.Writing.Csv;

namespace PHDB.Export.Tests.Formats;

public sealed partial class CsvFormatTests(HarvestedWorld world)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_harvested_table_reads_back_in_DuckDB_with_PostgreSQL_counts_sums_and_time_ranges(bool gzip)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var harness = FormatHarness.Create(new CsvFormat(), new FormatOptions(Gzip: gzip));
        var files = await harness.WriteTablesAsync(world.DataSource, PhdbLayout.HarvestedTables, cancellation);

        var extension = gzip ? ".csv.gz" : ".csv";
        Assert.Equal(
            PhdbLayout.HarvestedTables.Select(t => $"csv/{t.Name}{extension}").Order(StringComparer.Ordinal),
            files.Select(f => f.Path)
        );
        using var duckDb = FormatHarness.OpenDuckDb();
        foreach (var table in PhdbLayout.HarvestedTables)
        {
            var file = files.Single(f => f.Tables.ContainsKey(table.Name));
            Assert.Equal("csv", file.Format);
            var expected = await FormatHarness.PostgresFingerprintAsync(world.DataSource, table, cancellation);
            var actual = FormatHarness.DuckDbFingerprint(
                duckDb,
                table,
                CsvDuckDb.ReadCsv(table, harness.PathOf(file.Path))
            );
            Assert.Equal(expected, actual);
            Assert.Equal(long.Parse(expected[0], System.Globalization.CultureInfo.InvariantCulture), file.Rows);
        }
    }

    [Fact]
    public async Task The_bytes_follow_the_rules_header_no_BOM_LF_rows_and_quoting_only_where_needed()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var harness = FormatHarness.Create(new CsvFormat());
        var files = await harness.WriteTablesAsync(
            world.DataSource,
            [PhdbLayout.Posts, PhdbLayout.Comments],
            cancellation
        );
        foreach (var file in files)
        {
            var table = PhdbLayout.HarvestedTables.Single(t => file.Tables.ContainsKey(t.Name));
            var bytes = await File.ReadAllBytesAsync(harness.PathOf(file.Path), cancellation);
            var header = Encoding.UTF8.GetBytes(string.Join(',', table.Columns.Select(c => c.Name)) + "\n");
            Assert.True(bytes.AsSpan().StartsWith(header), $"{file.Path} starts with its header row and no BOM");
            Assert.Equal(file.Rows + 1, CsvLines(bytes));
        }
    }

    [Fact]
    public async Task Values_are_formatted_invariantly_with_UTC_timestamps_and_distinct_NULL_and_empty()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var table = new ExportTable(
            "kinds",
            "Every kind.",
            [
                new ExportColumn("id", ColumnKind.BigInt, false, "."),
                new ExportColumn("count", ColumnKind.Count, true, "."),
                new ExportColumn("real", ColumnKind.Real, true, "."),
                new ExportColumn("flag", ColumnKind.Boolean, true, "."),
                new ExportColumn("at", ColumnKind.Timestamp, true, "."),
                new ExportColumn("day", ColumnKind.Date, true, "."),
                new ExportColumn("text", ColumnKind.Text, true, "."),
            ],
            null,
            ["id"],
            [],
            []
        );
        var batch = new Reading.RowBatch(table, 4);
        var second = new DateTime(2024, 3, 1, 8, 1, 0, DateTimeKind.Utc);
        void Row(long id, int? count, double? real, bool? flag, DateTime? at, DateOnly? day, string? text)
        {
            var row = batch.AddRow();
            batch.Int64s(0)[row] = id;
            batch.Int32s(1)[row] = count;
            batch.Doubles(2)[row] = real;
            batch.Booleans(3)[row] = flag;
            batch.Timestamps(4)[row] = at;
            batch.Dates(5)[row] = day;
            batch.Texts(6)[row] = text;
        }

        Row(-9_007_199_254_740_993, -7, 0.1, true, second, new DateOnly(2024, 3, 1), "a b");
        Row(2, 0, 1e300, false, second.AddTicks(1_234_560), new DateOnly(1, 1, 1), "");
        Row(3, null, null, null, null, null, null);
        Row(4, int.MaxValue, -2.5e-10, true, second.AddTicks(5_000_000), new DateOnly(9999, 12, 31), "say \"hi\", ok");

        using var harness = FormatHarness.Create(new CsvFormat());
        var files = await harness.WriteBatchesAsync(table, [batch], cancellation);
        var text = await File.ReadAllTextAsync(harness.PathOf(files.Single().Path), cancellation);
        Assert.Equal(
            "id,count,real,flag,at,day,text\n"
                + "-9007199254740993,-7,0.1,true,2024-03-01T08:01:00Z,2024-03-01,a b\n"
                + "2,0,1E+300,false,2024-03-01T08:01:00.123456Z,0001-01-01,\"\"\n"
                + "3,,,,,,\n"
                + "4,2147483647,-2.5E-10,true,2024-03-01T08:01:00.500000Z,9999-12-31,\"say \"\"hi\"\", ok\"\n",
            text
        );
    }

    [Fact]
    public async Task Month_partitions_hold_each_month_of_the_partition_column_and_together_the_whole_table()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var harness = FormatHarness.Create(
            new CsvFormat(),
            new FormatOptions(Gzip: true, PartitionByMonth: true)
        );
        ExportTable[] tables = [PhdbLayout.Comments, PhdbLayout.Votes, PhdbLayout.PostSnapshots, PhdbLayout.Posts];
        var files = await harness.WriteTablesAsync(world.DataSource, tables, cancellation, nullsFirst: false);

        Assert.Contains(files, f => f.Path == "csv/posts.csv.gz");
        using var duckDb = FormatHarness.OpenDuckDb();
        foreach (var table in tables.Where(t => t.PartitionColumn is not null))
        {
            var parts = files.Where(f => f.Tables.ContainsKey(table.Name)).ToList();
            var months = await FormatHarness.MonthsAsync(world.DataSource, table, cancellation);
            Assert.Equal(
                months.Select(m => $"csv/{table.Name}/month={m.Month}/part-0.csv.gz").Order(StringComparer.Ordinal),
                parts.Select(f => f.Path)
            );
            Assert.Equal(months.Select(m => m.Rows), parts.Select(f => f.Rows));
            Assert.All(parts, f => Assert.Matches(PartitionPath(), f.Path));
            var expected = await FormatHarness.PostgresFingerprintAsync(world.DataSource, table, cancellation);
            var union = CsvDuckDb.ReadCsv(table, harness.PathOf($"csv/{table.Name}/*/part-0.csv.gz"));
            Assert.Equal(expected, FormatHarness.DuckDbFingerprint(duckDb, table, union));
        }
    }

    /// <summary>The rows of a CSV file (lines ending outside quotes), checking that no <c>\r</c> is outside quotes and the last line ends.</summary>
    internal static int CsvLines(ReadOnlySpan<byte> bytes)
    {
        var quoted = false;
        var lines = 0;
        foreach (var b in bytes)
        {
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted && b == (byte)'\n')
            {
                lines++;
            }
            else if (!quoted && b == (byte)'\r')
            {
                Assert.Fail("A carriage return outside a quoted field.");
            }
        }

        Assert.False(quoted, "The file ends inside a quoted field.");
        Assert.Equal((byte)'\n', bytes[^1]);
        return lines;
    }

    [GeneratedRegex(@"^csv/[a-z_]+/month=(\d{4}-(0[1-9]|1[0-2])|__HIVE_DEFAULT_PARTITION__)/part-0\.csv\.gz$")]
    private static partial Regex PartitionPath();
}
