using System.Globalization;
using PHDB.Export.Reading;
using PHDB.Export.Schema;
using PHDB.Export.Writing;
using PHDB.Export.Writing.Parquet;

namespace PHDB.Export.Tests.Formats;

public sealed class ParquetFormatTests(HarvestedWorld world)
{
    [Fact]
    public async Task Every_harvested_table_reads_back_in_DuckDB_with_PostgreSQL_counts_sums_and_time_ranges()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var harness = FormatHarness.Create(new ParquetFormat());
        var files = await harness.WriteTablesAsync(world.DataSource, PhdbLayout.HarvestedTables, cancellation);

        Assert.Equal(
            PhdbLayout.HarvestedTables.Select(t => $"parquet/{t.Name}.parquet").Order(StringComparer.Ordinal),
            files.Select(f => f.Path)
        );
        using var duckDb = FormatHarness.OpenDuckDb();
        foreach (var table in PhdbLayout.HarvestedTables)
        {
            var file = files.Single(f => f.Tables.ContainsKey(table.Name));
            Assert.Equal("parquet", file.Format);
            var path = harness.PathOf(file.Path);
            var expected = await FormatHarness.PostgresFingerprintAsync(world.DataSource, table, cancellation);
            Assert.Equal(expected, FormatHarness.DuckDbFingerprint(duckDb, table, ReadParquet(path)));
            Assert.Equal(long.Parse(expected[0], CultureInfo.InvariantCulture), file.Rows);

            // The columns are the table's, in order, with DuckDB's types for their kinds.
            var described = FormatHarness.Query(duckDb, $"DESCRIBE SELECT * FROM {ReadParquet(path)}");
            Assert.Equal(table.Columns.Select(c => c.Name), described.Select(r => (string)r[0]!));
            Assert.Equal(
                table.Columns.Select(c =>
                    FormatHarness.DuckDbType(c.Kind) == "TIMESTAMPTZ"
                        ? "TIMESTAMP WITH TIME ZONE"
                        : FormatHarness.DuckDbType(c.Kind)
                ),
                described.Select(r => (string)r[1]!)
            );
        }
    }

    [Fact]
    public async Task Timestamp_statistics_are_exact_so_DuckDB_filters_by_them_without_losing_rows()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var harness = FormatHarness.Create(new ParquetFormat(), new FormatOptions(RowGroupRows: 500));
        ExportTable[] tables = [PhdbLayout.Votes, PhdbLayout.Comments, PhdbLayout.PostSnapshots, PhdbLayout.Posts];
        var files = await harness.WriteTablesAsync(world.DataSource, tables, cancellation);
        using var duckDb = FormatHarness.OpenDuckDb();
        foreach (var table in tables)
        {
            var path = harness.PathOf(files.Single(f => f.Tables.ContainsKey(table.Name)).Path);
            foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.Timestamp))
            {
                // Every row at or after the column's smallest instant: a row group pruned by wrong statistics loses rows.
                await using var command = world.DataSource.CreateCommand(
                    $"SELECT count({column.Name}), (extract(epoch FROM min({column.Name})) * 1000000)::bigint, "
                        + $"(extract(epoch FROM max({column.Name})) * 1000000)::bigint FROM ({table.Query}) q"
                );
                await using var reader = await command.ExecuteReaderAsync(cancellation);
                await reader.ReadAsync(cancellation);
                var count = reader.GetInt64(0);
                if (count == 0)
                {
                    continue;
                }

                var (min, max) = (reader.GetInt64(1), reader.GetInt64(2));
                var selected = FormatHarness.Query(
                    duckDb,
                    $"SELECT count(*) FROM {ReadParquet(path)} WHERE \"{column.Name}\" >= make_timestamptz({min}) "
                        + $"AND \"{column.Name}\" <= make_timestamptz({max})"
                );
                Assert.Equal(count, Convert.ToInt64(selected.Single()[0], CultureInfo.InvariantCulture));

                var statistics = FormatHarness.Query(
                    duckDb,
                    $"SELECT min(epoch_us(stats_min_value::TIMESTAMPTZ)), max(epoch_us(stats_max_value::TIMESTAMPTZ)) "
                        + $"FROM parquet_metadata({FormatHarness.Literal(path)}) WHERE path_in_schema = {FormatHarness.Literal(column.Name)}"
                );
                Assert.Equal(min, Convert.ToInt64(statistics.Single()[0], CultureInfo.InvariantCulture));
                Assert.Equal(max, Convert.ToInt64(statistics.Single()[1], CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public async Task Columns_have_their_physical_and_logical_types_zstd_statistics_and_dictionaries()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var table = new ExportTable(
            "kinds",
            "Every kind.",
            [
                new ExportColumn("id", ColumnKind.BigInt, false, "."),
                new ExportColumn("count", ColumnKind.Count, true, "."),
                new ExportColumn("real", ColumnKind.Real, true, "."),
                new ExportColumn("flag", ColumnKind.Boolean, false, "."),
                new ExportColumn("at", ColumnKind.Timestamp, true, "."),
                new ExportColumn("day", ColumnKind.Date, true, "."),
                new ExportColumn("kind", ColumnKind.Text, false, "."),
            ],
            null,
            ["id"],
            [],
            []
        );
        const int rows = 5000;
        var batch = new RowBatch(table, rows);
        var start = new DateTime(2024, 3, 1, 8, 1, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            var row = batch.AddRow();
            batch.Int64s(0)[row] = i;
            batch.Int32s(1)[row] = i % 7 == 0 ? null : i;
            batch.Doubles(2)[row] = i / 3.0;
            batch.Booleans(3)[row] = i % 2 == 0;
            batch.Timestamps(4)[row] = start.AddTicks(i * 10L);
            batch.Dates(5)[row] = new DateOnly(2024, 1, 1).AddDays(i % 365);
            batch.Texts(6)[row] = i % 3 == 0 ? "image" : "video";
        }

        using var harness = FormatHarness.Create(new ParquetFormat());
        var path = harness.PathOf((await harness.WriteBatchesAsync(table, [batch], cancellation)).Single().Path);
        using var duckDb = FormatHarness.OpenDuckDb();
        var schema = FormatHarness
            .Query(
                duckDb,
                $"SELECT name, type, logical_type::VARCHAR, repetition_type FROM parquet_schema({FormatHarness.Literal(path)}) WHERE type IS NOT NULL"
            )
            .ToDictionary(
                r => (string)r[0]!,
                r => (Type: (string)r[1]!, Logical: r[2] as string ?? "", Repetition: (string)r[3]!)
            );
        Assert.Equal(("INT64", "REQUIRED"), (schema["id"].Type, schema["id"].Repetition));
        Assert.Equal(("INT32", "OPTIONAL"), (schema["count"].Type, schema["count"].Repetition));
        Assert.Equal("DOUBLE", schema["real"].Type);
        Assert.Equal(("BOOLEAN", "REQUIRED"), (schema["flag"].Type, schema["flag"].Repetition));
        Assert.Equal("INT64", schema["at"].Type);
        Assert.Contains("TimestampType(isAdjustedToUTC=1", schema["at"].Logical, StringComparison.Ordinal);
        Assert.Contains("MICROS=MicroSeconds()", schema["at"].Logical, StringComparison.Ordinal);
        Assert.Equal("INT32", schema["day"].Type);
        Assert.Contains("DateType", schema["day"].Logical, StringComparison.Ordinal);
        Assert.Equal("BYTE_ARRAY", schema["kind"].Type);
        Assert.Contains("StringType", schema["kind"].Logical, StringComparison.Ordinal);

        var chunks = FormatHarness.Query(
            duckDb,
            $"SELECT path_in_schema, compression, encodings, stats_null_count, stats_min_value, stats_max_value FROM parquet_metadata({FormatHarness.Literal(path)})"
        );
        Assert.Equal(table.Columns.Count, chunks.Count);
        Assert.All(chunks, c => Assert.Equal("ZSTD", c[1]));
        Assert.All(chunks, c => Assert.NotNull(c[3]));
        Assert.All(chunks.Where(c => (string)c[0]! != "flag"), c => Assert.NotNull(c[4]));
        Assert.Equal(
            rows / 7 + 1,
            Convert.ToInt64(chunks.Single(c => (string)c[0]! == "count")[3], CultureInfo.InvariantCulture)
        );
        Assert.Equal(
            ("image", "video"),
            (
                (string)chunks.Single(c => (string)c[0]! == "kind")[4]!,
                (string)chunks.Single(c => (string)c[0]! == "kind")[5]!
            )
        );
        Assert.Contains(
            "DICTIONARY",
            (string)chunks.Single(c => (string)c[0]! == "kind")[2]!,
            StringComparison.Ordinal
        );
        Assert.Equal(
            "2024-03-01 08:01:00.004999+00",
            (string)FormatHarness.Query(duckDb, $"SELECT max(\"at\")::VARCHAR FROM {ReadParquet(path)}").Single()[0]!
        );
    }

    [Fact]
    public async Task Row_groups_hold_the_configured_rows_and_are_cut_early_when_their_text_passes_8_MB()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var duckDb = FormatHarness.OpenDuckDb();

        using (var small = FormatHarness.Create(new ParquetFormat(), new FormatOptions(RowGroupRows: 700)))
        {
            var file = (
                await small.WriteTablesAsync(world.DataSource, [PhdbLayout.Votes], cancellation, batchRows: 256)
            ).Single();
            var groups = RowGroupRows(duckDb, small.PathOf(file.Path));
            Assert.True(groups.Count > 1, "the votes fill more than one row group of 700 rows");
            Assert.All(groups.SkipLast(1), g => Assert.Equal(700, g));
            Assert.Equal(file.Rows, groups.Sum());
        }

        // One 1 MB string 100 times in batches of 3: 200 MB of UTF-16 text if all were buffered. The row group is cut
        // after the batch that takes the buffered text past 8 MB: at 6 rows (12 MB) here.
        var big = new string('x', 1 << 20);
        using var harness = FormatHarness.Create(new ParquetFormat());
        var texts = Enumerable.Repeat<string?>(big, 100).ToList();
        var written = (
            await harness.WriteBatchesAsync(FormatHarness.TextTable, FormatHarness.TextBatches(texts, 3), cancellation)
        ).Single();
        var cut = RowGroupRows(duckDb, harness.PathOf(written.Path));
        Assert.Equal([.. Enumerable.Repeat(6L, 16), 4L], cut);
        Assert.Equal(
            100L,
            Convert.ToInt64(
                FormatHarness
                    .Query(
                        duckDb,
                        $"SELECT count(*) FROM {ReadParquet(harness.PathOf(written.Path))} WHERE length(body) = {big.Length}"
                    )
                    .Single()[0],
                CultureInfo.InvariantCulture
            )
        );
    }

    [Fact]
    public async Task Month_partitions_hold_each_month_of_the_partition_column_and_together_the_whole_table()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var harness = FormatHarness.Create(new ParquetFormat(), new FormatOptions(PartitionByMonth: true));
        ExportTable[] tables = [PhdbLayout.Comments, PhdbLayout.Votes, PhdbLayout.PostSnapshots, PhdbLayout.Users];
        var files = await harness.WriteTablesAsync(world.DataSource, tables, cancellation, nullsFirst: true);

        Assert.Contains(files, f => f.Path == "parquet/users.parquet");
        using var duckDb = FormatHarness.OpenDuckDb();
        foreach (var table in tables.Where(t => t.PartitionColumn is not null))
        {
            var parts = files.Where(f => f.Tables.ContainsKey(table.Name)).ToList();
            var months = await FormatHarness.MonthsAsync(world.DataSource, table, cancellation);
            Assert.Equal(
                months
                    .Select(m => $"parquet/{table.Name}/month={m.Month}/part-0.parquet")
                    .Order(StringComparer.Ordinal),
                parts.Select(f => f.Path)
            );
            Assert.Equal(months.Select(m => m.Rows), parts.Select(f => f.Rows));
            var expected = await FormatHarness.PostgresFingerprintAsync(world.DataSource, table, cancellation);
            var union =
                $"read_parquet({FormatHarness.Literal(harness.PathOf($"parquet/{table.Name}/*/part-0.parquet"))}, hive_partitioning = true)";
            Assert.Equal(expected, FormatHarness.DuckDbFingerprint(duckDb, table, union));

            // Hive partitioning gives DuckDB the month column; every row sits in the folder of its own month.
            var misplaced = FormatHarness.Query(
                duckDb,
                $"SELECT count(*) FROM {union} WHERE coalesce(strftime(\"{table.PartitionColumn}\" AT TIME ZONE 'UTC', '%Y-%m'), '__HIVE_DEFAULT_PARTITION__') <> month::VARCHAR"
            );
            Assert.Equal(0L, Convert.ToInt64(misplaced.Single()[0], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_table_disposed_without_completing_closes_its_file()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var harness = FormatHarness.Create(new ParquetFormat());
        await using (var writer = harness.Format.Open(harness.Root, harness.Options))
        {
            var tableWriter = await writer.BeginTableAsync(FormatHarness.TextTable, cancellation);
            foreach (var batch in FormatHarness.TextBatches(["a", "b"], 10))
            {
                await tableWriter.WriteAsync(batch, cancellation);
            }
        }

        // Nothing holds the file any more: the caller can delete the folder.
        Directory.Delete(Path.Combine(harness.Root, "parquet"), recursive: true);
    }

    /// <summary>A <c>read_parquet</c> call.</summary>
    internal static string ReadParquet(string path) => $"read_parquet({FormatHarness.Literal(path)})";

    private static List<long> RowGroupRows(DuckDB.NET.Data.DuckDBConnection duckDb, string path) =>
        [
            .. FormatHarness
                .Query(
                    duckDb,
                    $"SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata({FormatHarness.Literal(path)}) ORDER BY 1"
                )
                .Select(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture)),
        ];
}
