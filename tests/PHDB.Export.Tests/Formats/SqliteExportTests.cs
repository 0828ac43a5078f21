using System.Diagnostics;
using System.Globalization;
using PHDB.Export.Reading;
using PHDB.Export.Schema;
using PHDB.Export.Writing;
using PHDB.Export.Writing.Sqlite;

namespace PHDB.Export.Tests.Formats;

/// <summary>The harvested world exported to SQLite, read back by the <c>sqlite3</c> program.</summary>
public sealed class SqliteExportTests(HarvestedWorld world)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static SqliteTestExport? phdb;

    [Fact]
    public async Task Every_table_has_PostgreSQLs_rows_counts_sums_lengths_and_time_range()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var export = await ExportPhdbAsync(cancellation);
        await using var snapshot = await ExportSnapshot.TakeAsync(world.DataSource, cancellation);
        foreach (var table in PhdbLayout.HarvestedTables)
        {
            var aliases = string.Join(", ", table.Columns.Select((_, i) => "c" + i));
            var postgres = await PostgresAggregatesAsync(
                snapshot,
                $"SELECT {string.Join(", ", Aggregates(table, postgres: true))} FROM ({table.Query}) AS q({aliases})",
                cancellation
            );
            var sqlite = Assert.Single(
                await SqliteCommandLine.QueryAsync(
                    export.File,
                    $"SELECT {string.Join(", ", Aggregates(table, postgres: false))} FROM (SELECT * FROM {SqliteSchema.Quote(table.Name)}) AS q",
                    cancellation
                )
            );
            Assert.Equal(postgres, sqlite);
            Assert.Equal(long.Parse(postgres[0], CultureInfo.InvariantCulture), export.Exported.Tables[table.Name]);
        }

        Assert.Equal(PhdbLayout.HarvestedTables.Select(t => t.Name).Order(), export.Exported.Tables.Keys.Order());
        Assert.Equal("phdb.sqlite", export.Exported.Path);
        Assert.Equal("sqlite", export.Exported.Format);
        Assert.True(export.Exported.Tables["votes"] > 0);
    }

    [Fact]
    public async Task Timestamps_are_ISO_8601_UTC_with_fractional_seconds_only_when_non_zero()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var export = await ExportPhdbAsync(cancellation);
        var checkedColumns = 0;
        foreach (var table in PhdbLayout.HarvestedTables)
        {
            foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.Timestamp))
            {
                var c = SqliteSchema.Quote(column.Name);
                var bad = await SqliteCommandLine.QueryAsync(
                    export.File,
                    $"""
                    SELECT {c} FROM {SqliteSchema.Quote(table.Name)}
                    WHERE {c} IS NOT NULL AND (
                        {c} NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'
                        OR ({c} GLOB '*.*' AND NOT {c} GLOB '*:[0-5][0-9].[0-9]*[1-9]Z')
                        OR (NOT {c} GLOB '*.*' AND length({c}) <> 20))
                    LIMIT 5
                    """,
                    cancellation
                );
                Assert.Empty(bad);
                checkedColumns++;
            }
        }

        Assert.True(checkedColumns > 5);
    }

    [Fact]
    public async Task Foreign_keys_are_declared_and_hold_tables_are_strict_and_the_declared_indexes_exist()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var export = await ExportPhdbAsync(cancellation);
        Assert.Empty(await SqliteCommandLine.QueryAsync(export.File, "PRAGMA foreign_key_check;", cancellation));

        foreach (var table in PhdbLayout.HarvestedTables)
        {
            var name = table.Name.Replace("'", "''", StringComparison.Ordinal);
            var foreignKeys = await SqliteCommandLine.QueryAsync(
                export.File,
                $"SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('{name}') ORDER BY \"from\"",
                cancellation
            );
            Assert.Equal(
                table.ForeignKeys.Select(f => $"{f.Column}>{f.Table}.{f.ReferencedColumn}").Order(),
                foreignKeys.Select(f => $"{f[0]}>{f[1]}.{f[2]}").Order()
            );
            var primaryKey = await SqliteCommandLine.QueryAsync(
                export.File,
                $"SELECT name FROM pragma_table_info('{name}') WHERE pk > 0 ORDER BY pk",
                cancellation
            );
            Assert.Equal(table.PrimaryKey, primaryKey.Select(r => r[0]));
            var strict = await SqliteCommandLine.QueryAsync(
                export.File,
                $"SELECT strict FROM pragma_table_list('{name}')",
                cancellation
            );
            Assert.Equal("1", Assert.Single(strict)[0]);
        }

        var indexes = await SqliteCommandLine.QueryAsync(
            export.File,
            """
            SELECT m.tbl_name, (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(m.name) ORDER BY seqno))
            FROM sqlite_master m WHERE m.type = 'index' AND m.name NOT LIKE 'sqlite_autoindex%'
            """,
            cancellation
        );
        Assert.Equal(
            PhdbLayout
                .HarvestedTables.SelectMany(t => t.Indexes.Select(i => $"{t.Name}:{string.Join(',', i)}"))
                .Order(),
            indexes.Select(r => $"{r[0]}:{r[1]}").Order()
        );
        var analyzed = await SqliteCommandLine.QueryAsync(
            export.File,
            "SELECT count(DISTINCT tbl) FROM sqlite_stat1",
            cancellation
        );
        Assert.True(int.Parse(analyzed[0][0], CultureInfo.InvariantCulture) > 5, "ANALYZE ran");
    }

    [Fact]
    public async Task The_producthuntdb_layout_exports_with_every_foreign_key_holding()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var export = await SqliteTestExport.RunAsync(world, ProductHuntDbLayout.Tables, cancellation);
        try
        {
            Assert.Empty(await SqliteCommandLine.QueryAsync(export.File, "PRAGMA foreign_key_check;", cancellation));
            var tables = await SqliteCommandLine.QueryAsync(
                export.File,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'",
                cancellation
            );
            Assert.Equal(ProductHuntDbLayout.Tables.Select(t => t.Name).Order(), tables.Select(t => t[0]).Order());
            Assert.Equal(6, export.Exported.Tables["crawlstate"]);
        }
        finally
        {
            Directory.Delete(export.Root, true);
        }
    }

    [Fact]
    public async Task Votes_are_written_at_over_100000_rows_per_second()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var table = PhdbLayout.Votes;
        var harvested = new List<RowBatch>();
        await using (var snapshot = await ExportSnapshot.TakeAsync(world.DataSource, cancellation))
        await using (var connection = await snapshot.OpenConnectionAsync(cancellation))
        {
            await foreach (var batch in connection.ReadAsync(table, table.Query!, 5000, cancellation))
            {
                harvested.Add(Copy(batch, 0));
            }
        }

        // The world's votes, repeated with shifted ids up to at least 200,000 rows, so the rate is not start-up.
        var votes = harvested.Sum(b => (long)b.Count);
        Assert.True(votes > 0);
        var batches = Enumerable
            .Range(0, (int)Math.Ceiling(200_000.0 / votes))
            .SelectMany(copy => harvested.Select(b => Copy(b, copy * 1_000_000_000_000L)))
            .ToList();
        var root = Directory.CreateTempSubdirectory("phdb-sqlite-votes-").FullName;
        try
        {
            var rows = batches.Sum(b => (long)b.Count);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            TimeSpan insertWall,
                insertCpu;
            await using (var writer = new SqliteFormat().Open(root, new FormatOptions()))
            {
                await using var tableWriter = await writer.BeginTableAsync(table, cancellation);
                foreach (var batch in batches)
                {
                    await tableWriter.WriteAsync(batch, cancellation);
                }

                await tableWriter.CompleteAsync(cancellation);
                insertWall = wall.Elapsed;
                insertCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var file = Assert.Single(await writer.CompleteAsync(cancellation));
                Assert.Equal(rows, file.Rows);
            }

            var totalWall = wall.Elapsed;
            var totalCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var perCpuSecond = rows / insertCpu.TotalSeconds;
            // Rates per second of CPU the test process used, beside the wall clock's: the machine is shared, so the
            // wall clock mostly measures the other processes.
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"votes: {rows} rows ({votes} harvested, repeated); inserting {insertWall.TotalMilliseconds:F0} ms wall"
                    + $" ({rows / insertWall.TotalSeconds:F0} rows/s), {insertCpu.TotalMilliseconds:F0} ms CPU ({perCpuSecond:F0} rows per CPU second);"
                    + $" with indexes and ANALYZE {totalWall.TotalMilliseconds:F0} ms wall ({rows / totalWall.TotalSeconds:F0} rows/s),"
                    + $" {totalCpu.TotalMilliseconds:F0} ms CPU ({rows / totalCpu.TotalSeconds:F0} rows per CPU second)"
            );
            Assert.True(perCpuSecond >= 100_000, $"{perCpuSecond:F0} rows per CPU second");
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    private static RowBatch Copy(RowBatch batch, long idShift)
    {
        var copy = new RowBatch(batch.Table, batch.Count);
        for (var r = 0; r < batch.Count; r++)
        {
            copy.AddRow();
        }

        for (var c = 0; c < batch.Table.Columns.Count; c++)
        {
            Array.Copy(batch.Column(c), copy.Column(c), batch.Count);
        }

        var ids = copy.Int64s(batch.Table.IndexOf("id"));
        for (var r = 0; r < copy.Count; r++)
        {
            ids[r] += idShift;
        }

        return copy;
    }

    /// <summary>The harvested tables' export, made once for the tests of this class.</summary>
    private async Task<SqliteTestExport> ExportPhdbAsync(CancellationToken cancellationToken)
    {
        await Once.WaitAsync(cancellationToken);
        try
        {
            if (phdb is null)
            {
                phdb = await SqliteTestExport.RunAsync(world, PhdbLayout.HarvestedTables, cancellationToken);
                var root = phdb.Root;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, true);
            }

            return phdb;
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>
    /// The aggregates both sides compute: rows; per column, non-NULL values; the sum of every integer and boolean
    /// column; the total length (characters) of every text column; the earliest and latest of every timestamp,
    /// normalised to microseconds because text comparison of the export's timestamps is not chronological within a
    /// second when only some have fractional seconds.
    /// </summary>
    private static IEnumerable<string> Aggregates(ExportTable table, bool postgres)
    {
        yield return "count(*)";
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var c = postgres ? "c" + i : SqliteSchema.Quote(table.Columns[i].Name);
            yield return $"count({c})";
            switch (table.Columns[i].Kind)
            {
                case ColumnKind.BigInt or ColumnKind.Count:
                    yield return $"sum({c})";
                    break;
                case ColumnKind.Boolean:
                    yield return postgres ? $"sum({c}::int)" : $"sum({c})";
                    break;
                case ColumnKind.Text:
                    yield return $"sum(length({c}))";
                    break;
                case ColumnKind.Timestamp when postgres:
                    var text = $"to_char({{0}}({c}) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')";
                    yield return string.Format(CultureInfo.InvariantCulture, text, "min");
                    yield return string.Format(CultureInfo.InvariantCulture, text, "max");
                    break;
                case ColumnKind.Timestamp:
                    var micros =
                        $"substr({c}, 1, 19) || '.' || substr(CASE WHEN length({c}) > 20 THEN substr({c}, 21, length({c}) - 21) ELSE '' END || '000000', 1, 6)";
                    yield return $"min({micros})";
                    yield return $"max({micros})";
                    break;
            }
        }
    }

    private static async Task<string[]> PostgresAggregatesAsync(
        ExportSnapshot snapshot,
        string sql,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await snapshot.OpenConnectionAsync(cancellationToken);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection.Connection, connection.Transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Assert.True(await reader.ReadAsync(cancellationToken));
        var values = new string[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i)
                ? ""
                : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
        }

        return values;
    }
}
