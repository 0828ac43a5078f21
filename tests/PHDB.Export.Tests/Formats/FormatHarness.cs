using System.Globalization;
using CsCheck;
using DuckDB.NET.Data;
using Npgsql;
using PHDB.Export.Reading;
using PHDB.Export.Schema;
using PHDB.Export.Writing;

namespace PHDB.Export.Tests.Formats;

/// <summary>
/// Writes tables in one <see cref="IExportFormat"/> into a temporary export folder (deleted on disposal), the way an
/// export drives the writers, and reads files back with DuckDB as an independent reader.
/// </summary>
public sealed class FormatHarness : IDisposable
{
    private FormatHarness(IExportFormat format, FormatOptions options)
    {
        Format = format;
        Options = options;
        Root = Path.Combine(Path.GetTempPath(), "phdb-format-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The format written.</summary>
    public IExportFormat Format { get; }

    /// <summary>Its options.</summary>
    public FormatOptions Options { get; }

    /// <summary>The export folder.</summary>
    public string Root { get; }

    /// <summary>Creates a harness with an empty export folder.</summary>
    public static FormatHarness Create(IExportFormat format, FormatOptions? options = null) =>
        new(format, options ?? new FormatOptions());

    /// <summary>The absolute path of a file the format reported (its path is relative with <c>/</c>).</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// Streams <paramref name="tables"/> from one snapshot of <paramref name="dataSource"/> into the format, up to
    /// three tables at a time on their own connections (as an export does), and completes it. Under month partitioning
    /// a partitioned table's rows come ordered by its partition column, NULLs first or last.
    /// </summary>
    public async Task<IReadOnlyList<ExportedFile>> WriteTablesAsync(
        NpgsqlDataSource dataSource,
        IEnumerable<ExportTable> tables,
        CancellationToken cancellationToken,
        bool nullsFirst = true,
        int batchRows = 1000
    )
    {
        await using var snapshot = await ExportSnapshot.TakeAsync(dataSource, cancellationToken);
        await using var writer = Format.Open(Root, Options);
        await Parallel.ForEachAsync(
            tables,
            new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = cancellationToken },
            async (table, token) =>
            {
                await using var connection = await snapshot.OpenConnectionAsync(token);
                await using var tableWriter = await writer.BeginTableAsync(table, token);
                await foreach (var batch in connection.ReadAsync(table, Query(table, nullsFirst), batchRows, token))
                {
                    await tableWriter.WriteAsync(batch, token);
                }

                await tableWriter.CompleteAsync(token);
            }
        );
        return await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes in-memory batches of one table (each is consumed before the next is produced) and completes the format.</summary>
    public async Task<IReadOnlyList<ExportedFile>> WriteBatchesAsync(
        ExportTable table,
        IEnumerable<RowBatch> batches,
        CancellationToken cancellationToken
    )
    {
        await using var writer = Format.Open(Root, Options);
        await using (var tableWriter = await writer.BeginTableAsync(table, cancellationToken))
        {
            foreach (var batch in batches)
            {
                await tableWriter.WriteAsync(batch, cancellationToken);
            }

            await tableWriter.CompleteAsync(cancellationToken);
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The query a table is read with: ordered by its partition column when the format partitions by month.</summary>
    public string Query(ExportTable table, bool nullsFirst = true) =>
        Options.PartitionByMonth && table.PartitionColumn is { } column
            ? $"SELECT * FROM ({table.Query}) q ORDER BY {column} NULLS {(nullsFirst ? "FIRST" : "LAST")}"
            : table.Query!;

    /// <summary>A one-table layout of an id and a nullable text column, and batches of it.</summary>
    public static ExportTable TextTable { get; } =
        new(
            "texts",
            "Hostile text.",
            [
                new ExportColumn("id", ColumnKind.BigInt, false, "Row number."),
                new ExportColumn("body", ColumnKind.Text, true, "The text."),
            ],
            null,
            ["id"],
            [],
            []
        );

    /// <summary>Batches of <see cref="TextTable"/> holding <paramref name="texts"/> with ids 0, 1, …, <paramref name="batchRows"/> at a time, one batch reused.</summary>
    public static IEnumerable<RowBatch> TextBatches(IReadOnlyList<string?> texts, int batchRows)
    {
        var batch = new RowBatch(TextTable, batchRows);
        for (var i = 0; i < texts.Count; i++)
        {
            var row = batch.AddRow();
            batch.Int64s(0)[row] = i;
            batch.Texts(1)[row] = texts[i];
            if (batch.IsFull || i == texts.Count - 1)
            {
                yield return batch;
                batch.Clear();
            }
        }
    }

    /// <summary>
    /// Hostile texts: quotes, separators, <c>\r</c>, <c>\r\n</c>, tabs and other control characters (no NUL), emoji
    /// and other non-BMP characters, right-to-left text, HTML, now and then 100 kB, and the empty string and NULL.
    /// </summary>
    public static Gen<string?[]> HostileTexts { get; } =
        Gen.Frequency(
            (
                12,
                Gen.OneOf(
                        Gen.OneOf<string>(
                            "\"",
                            "\"\"",
                            ",",
                            "\n",
                            "\r",
                            "\r\n",
                            "\t",
                            " ",
                            "a",
                            "Zoë",
                            "😀",
                            "𝄞",
                            "👩‍👩‍👧",
                            "שלום עולם",
                            "مرحبا",
                            "\u202Eevil\u202C",
                            "<p class=\"x\">&amp;<br/></p>",
                            "NULL",
                            "\\N",
                            "'"
                        ),
                        Gen.Char['\u0001', '\u001F'].Select(c => c.ToString())
                    )
                    .Array[1, 12]
                    .Select(parts => (string?)string.Concat(parts))
            ),
            (2, Gen.Const("").Select(s => (string?)s)),
            (2, Gen.Const("").Select(_ => (string?)null)),
            (
                1,
                Gen.OneOf<string>("a,\"\r\n😀", "x")
                    .Select(seed => (string?)string.Concat(Enumerable.Repeat(seed, 100_000 / seed.Length)))
            )
        ).Array[1, 40];

    /// <summary>An in-memory DuckDB database.</summary>
    public static DuckDBConnection OpenDuckDb()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>The rows of a DuckDB query, each value as DuckDB.NET returns it (<c>null</c> for NULL).</summary>
    public static List<object?[]> Query(DuckDBConnection duckDb, string sql)
    {
        ArgumentNullException.ThrowIfNull(duckDb);
        using var command = duckDb.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>DuckDB's type for a column kind.</summary>
    public static string DuckDbType(ColumnKind kind) =>
        kind switch
        {
            ColumnKind.BigInt => "BIGINT",
            ColumnKind.Count => "INTEGER",
            ColumnKind.Real => "DOUBLE",
            ColumnKind.Boolean => "BOOLEAN",
            ColumnKind.Timestamp => "TIMESTAMPTZ",
            ColumnKind.Date => "DATE",
            _ => "VARCHAR",
        };

    /// <summary>
    /// The fingerprint of a table: its row count, the sum of every integer column and the min/max of every timestamp
    /// column (in microseconds since the epoch), each as text; in PostgreSQL's or DuckDB's SQL.
    /// </summary>
    public static string FingerprintSql(ExportTable table, string from, bool postgres)
    {
        ArgumentNullException.ThrowIfNull(table);
        var parts = new List<string> { "count(*)" };
        foreach (var column in table.Columns)
        {
            var name = $"\"{column.Name}\"";
            switch (column.Kind)
            {
                case ColumnKind.BigInt or ColumnKind.Count:
                    parts.Add($"coalesce(sum({name}), 0)");
                    break;
                case ColumnKind.Timestamp:
                    foreach (var aggregate in new[] { "min", "max" })
                    {
                        parts.Add(
                            postgres
                                ? $"(extract(epoch FROM {aggregate}({name})) * 1000000)::bigint"
                                : $"epoch_us({aggregate}({name}))"
                        );
                    }

                    break;
            }
        }

        var text = postgres ? "text" : "VARCHAR";
        return $"SELECT {string.Join(", ", parts.Select(p => $"coalesce(({p})::{text}, 'NULL')"))} FROM {from}";
    }

    /// <summary>The fingerprint of <paramref name="table"/> as PostgreSQL computes it over the table's query.</summary>
    public static async Task<string[]> PostgresFingerprintAsync(
        NpgsqlDataSource dataSource,
        ExportTable table,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(table);
        await using var command = dataSource.CreateCommand(FingerprintSql(table, $"({table.Query}) q", postgres: true));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)];
    }

    /// <summary>The fingerprint of <paramref name="table"/> as DuckDB computes it over <paramref name="from"/> (a table function call).</summary>
    public static string[] DuckDbFingerprint(DuckDBConnection duckDb, ExportTable table, string from) =>
        [
            .. Query(duckDb, FingerprintSql(table, from, postgres: false))
                .Single()
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!),
        ];

    /// <summary>
    /// The months of <paramref name="table"/>'s partition column in UTC as the partition folders name them
    /// (<c>2024-03</c>, or <c>__HIVE_DEFAULT_PARTITION__</c> for NULL), with their rows, in folder-name order.
    /// </summary>
    public static async Task<List<(string Month, long Rows)>> MonthsAsync(
        NpgsqlDataSource dataSource,
        ExportTable table,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(table);
        var month =
            $"coalesce(to_char({table.PartitionColumn} AT TIME ZONE 'UTC', 'YYYY-MM'), '__HIVE_DEFAULT_PARTITION__')";
        await using var command = dataSource.CreateCommand(
            $"SELECT {month} AS month, count(*) FROM ({table.Query}) q GROUP BY 1"
        );
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var months = new List<(string, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            months.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        months.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return months;
    }

    /// <summary>A single-quoted SQL string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
