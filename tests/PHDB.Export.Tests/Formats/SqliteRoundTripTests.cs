using CsCheck;
using Microsoft.Data.Sqlite;
using PHDB.Export.Reading;
using PHDB.Export.Schema;
using PHDB.Export.Writing;
using PHDB.Export.Writing.Sqlite;

namespace PHDB.Export.Tests.Formats;

/// <summary>Values written through <see cref="SqliteFormat"/> and read back exactly.</summary>
public sealed class SqliteRoundTripTests
{
    private static readonly ExportTable TextTable = new(
        "texts",
        "Hostile text.",
        [
            new ExportColumn("id", ColumnKind.BigInt, false, "Row."),
            new ExportColumn("value", ColumnKind.Text, true, "The text."),
        ],
        null,
        ["id"],
        [],
        [
            ["value"],
        ]
    );

    private static readonly ExportTable KindsTable = new(
        "kinds",
        "One column of each kind.",
        [
            new ExportColumn("big", ColumnKind.BigInt, true, "BigInt."),
            new ExportColumn("count", ColumnKind.Count, true, "Count."),
            new ExportColumn("real", ColumnKind.Real, true, "Real."),
            new ExportColumn("flag", ColumnKind.Boolean, true, "Boolean."),
            new ExportColumn("time", ColumnKind.Timestamp, true, "Timestamp."),
            new ExportColumn("day", ColumnKind.Date, true, "Date."),
            new ExportColumn("text", ColumnKind.Text, true, "Text."),
        ],
        null,
        [],
        [],
        []
    );

    private static readonly Gen<string> Hostile = Gen.OneOf(
            Gen.OneOf(
                "\"",
                "'",
                "''",
                ",",
                ";",
                "\n",
                "\r",
                "\r\n",
                "\t",
                "\u0001",
                "\u001b[31m",
                "\u001f",
                "\u007f",
                "\u0085",
                "\u2028",
                "\uFEFF",
                "😀",
                "👩‍💻",
                "𝔘𝔫𝔦",
                "שלום עולם",
                "مرحبا",
                "\u202Eevil\u202C",
                "<b>bold</b>",
                "<script>alert('x')</script>",
                "&amp;&lt;",
                "\\",
                "\\N",
                "NULL",
                "$p0",
                "?",
                " ",
                ""
            ),
            Gen.Int[1, 0xD7FF].Select(c => ((char)c).ToString()),
            Gen.Int[0xE000, 0xFFFD].Select(c => ((char)c).ToString()),
            Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)
        )
        .Array[0, 40]
        .Select(string.Concat);

    private static readonly Gen<string?[]> HostileRows = Gen.Frequency<string?>(
        (1, Gen.Const(() => (string?)null)),
        (1, Gen.Const<string?>("")),
        (8, Hostile.Select(s => (string?)s))
    ).Array[1, 30];

    [Fact]
    public async Task Hostile_text_round_trips_exactly_and_empty_stays_distinct_from_NULL()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await HostileRows.SampleAsync(
            async values => Assert.Equal(values, await RoundTripAsync(values, cancellation)),
            iter: 60
        );
    }

    [Fact]
    public async Task Texts_of_100_kB_round_trip_exactly()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var mixed = string.Concat(Enumerable.Repeat("\"a,b\"\r\n\t😀 שלום <p>x</p> '", 4000));
        var astral = string.Concat(Enumerable.Repeat("𝔘", 50_000));
        string?[] values = [mixed, astral, new string('x', 100_000), "", null];
        Assert.True(mixed.Length > 100_000);
        Assert.Equal(values, await RoundTripAsync(values, cancellation));
    }

    [Fact]
    public async Task Every_kind_is_stored_as_its_SQLite_type_and_format()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("phdb-sqlite-kinds-").FullName;
        try
        {
            var batch = new RowBatch(KindsTable, 4);
            Fill(
                batch,
                long.MaxValue,
                int.MinValue,
                4.25,
                true,
                new DateTime(2024, 3, 1, 8, 1, 0, DateTimeKind.Utc),
                new DateOnly(2024, 2, 29),
                "x"
            );
            Fill(
                batch,
                long.MinValue,
                int.MaxValue,
                -1e300,
                false,
                new DateTime(2024, 3, 1, 8, 1, 0, DateTimeKind.Utc).AddTicks(5_000_000),
                new DateOnly(1, 1, 1),
                ""
            );
            Fill(
                batch,
                0,
                0,
                0,
                false,
                new DateTime(2024, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(1_234_560),
                new DateOnly(9999, 12, 31),
                "y"
            );
            batch.AddRow();
            await WriteAsync(root, KindsTable, batch, cancellation);

            var rows = await SqliteCommandLine.QueryAsync(
                Path.Combine(root, SqliteFormat.FileName),
                """
                SELECT big, typeof(big), count, typeof(count), real, typeof(real), flag, typeof(flag), time, typeof(time),
                    day, typeof(day), text, typeof(text)
                FROM kinds ORDER BY rowid
                """,
                cancellation
            );
            Assert.Equal(
                [
                    [
                        "9223372036854775807",
                        "integer",
                        "-2147483648",
                        "integer",
                        "4.25",
                        "real",
                        "1",
                        "integer",
                        "2024-03-01T08:01:00Z",
                        "text",
                        "2024-02-29",
                        "text",
                        "x",
                        "text",
                    ],
                    [
                        "-9223372036854775808",
                        "integer",
                        "2147483647",
                        "integer",
                        "-1.0e+300",
                        "real",
                        "0",
                        "integer",
                        "2024-03-01T08:01:00.5Z",
                        "text",
                        "0001-01-01",
                        "text",
                        "",
                        "text",
                    ],
                    [
                        "0",
                        "integer",
                        "0",
                        "integer",
                        "0.0",
                        "real",
                        "0",
                        "integer",
                        "2024-12-31T23:59:59.123456Z",
                        "text",
                        "9999-12-31",
                        "text",
                        "y",
                        "text",
                    ],
                    ["", "null", "", "null", "", "null", "", "null", "", "null", "", "null", "", "null"],
                ],
                rows
            );
            var declared = await SqliteCommandLine.QueryAsync(
                Path.Combine(root, SqliteFormat.FileName),
                "SELECT name, type FROM pragma_table_info('kinds') ORDER BY cid",
                cancellation
            );
            Assert.Equal(
                ["big:INTEGER", "count:INTEGER", "real:REAL", "flag:INTEGER", "time:TEXT", "day:TEXT", "text:TEXT"],
                declared.Select(c => $"{c[0]}:{c[1]}")
            );
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public async Task Disposing_without_completing_releases_the_file_and_completing_closes_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("phdb-sqlite-abandon-").FullName;
        var file = Path.Combine(root, SqliteFormat.FileName);
        var batch = new RowBatch(TextTable, 2);
        batch.Texts(1)[batch.AddRow()] = "a";
        batch.Int64s(0)[0] = 1;
        await using (var writer = new SqliteFormat().Open(root, new FormatOptions()))
        {
            var table = await writer.BeginTableAsync(TextTable, cancellation);
            await table.WriteAsync(batch, cancellation);
            Assert.True(IsOpen(file));
        }

        Assert.False(IsOpen(file));
        Directory.Delete(root, true);

        await WriteAsync(root, TextTable, batch, cancellation);
        Assert.False(IsOpen(file));
        Directory.Delete(root, true);
    }

    [Fact]
    public async Task Tables_written_at_once_from_many_tasks_are_all_complete()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("phdb-sqlite-concurrent-").FullName;
        try
        {
            await using var writer = new SqliteFormat().Open(root, new FormatOptions());
            var tables = Enumerable
                .Range(0, 6)
                .Select(i => TextTable with { Name = "texts" + i, Indexes = [] })
                .ToList();
            await Task.WhenAll(
                tables.Select(table =>
                    Task.Run(
                        async () =>
                        {
                            await using var tableWriter = await writer.BeginTableAsync(table, cancellation);
                            var batch = new RowBatch(table, 100);
                            for (var round = 0; round < 20; round++)
                            {
                                for (var i = 0; i < 100; i++)
                                {
                                    var row = batch.AddRow();
                                    batch.Int64s(0)[row] = (round * 100) + i;
                                    batch.Texts(1)[row] = table.Name;
                                }

                                await tableWriter.WriteAsync(batch, cancellation);
                                batch.Clear();
                                await Task.Yield();
                            }

                            await tableWriter.CompleteAsync(cancellation);
                        },
                        cancellation
                    )
                )
            );
            var exported = Assert.Single(await writer.CompleteAsync(cancellation));
            Assert.All(tables, t => Assert.Equal(2000, exported.Tables[t.Name]));
            var counts = await SqliteCommandLine.QueryAsync(
                Path.Combine(root, SqliteFormat.FileName),
                string.Join(
                    " UNION ALL ",
                    tables.Select(t => $"SELECT count(*) FROM {t.Name} WHERE value = '{t.Name}'")
                ),
                cancellation
            );
            Assert.All(counts, c => Assert.Equal("2000", c[0]));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    /// <summary>Writes the values as the <c>texts</c> table and reads them back in id order.</summary>
    private static async Task<string?[]> RoundTripAsync(string?[] values, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("phdb-sqlite-text-").FullName;
        try
        {
            var batch = new RowBatch(TextTable, values.Length);
            foreach (var value in values)
            {
                var row = batch.AddRow();
                batch.Int64s(0)[row] = row;
                batch.Texts(1)[row] = value;
            }

            await WriteAsync(root, TextTable, batch, cancellationToken);
            await using var connection = new SqliteConnection(
                $"Data Source={Path.Combine(root, SqliteFormat.FileName)};Mode=ReadOnly;Pooling=False"
            );
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT value, typeof(value) FROM texts ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var read = new List<string?>();
            while (await reader.ReadAsync(cancellationToken))
            {
                read.Add(reader.GetString(1) == "null" ? null : reader.GetString(0));
            }

            return [.. read];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, true);
        }
    }

    private static async Task WriteAsync(
        string root,
        ExportTable table,
        RowBatch batch,
        CancellationToken cancellationToken
    )
    {
        await using var writer = new SqliteFormat().Open(root, new FormatOptions());
        await using (var tableWriter = await writer.BeginTableAsync(table, cancellationToken))
        {
            await tableWriter.WriteAsync(batch, cancellationToken);
            await tableWriter.CompleteAsync(cancellationToken);
        }

        var file = Assert.Single(await writer.CompleteAsync(cancellationToken));
        Assert.Equal(batch.Count, file.Tables[table.Name]);
    }

    private static void Fill(
        RowBatch batch,
        long big,
        int count,
        double real,
        bool flag,
        DateTime time,
        DateOnly day,
        string text
    )
    {
        var row = batch.AddRow();
        batch.Int64s(0)[row] = big;
        batch.Int32s(1)[row] = count;
        batch.Doubles(2)[row] = real;
        batch.Booleans(3)[row] = flag;
        batch.Timestamps(4)[row] = time;
        batch.Dates(5)[row] = day;
        batch.Texts(6)[row] = text;
    }

    /// <summary>Whether this process holds <paramref name="file"/> open (Linux: <c>/proc/self/fd</c>).</summary>
    private static bool IsOpen(string file) =>
        new DirectoryInfo("/proc/self/fd")
            .EnumerateFileSystemInfos()
            .Any(fd =>
            {
                try
                {
                    return fd.LinkTarget is { } target && target.StartsWith(file, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            });
}
