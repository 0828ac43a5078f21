using Npgsql;

namespace PHDB.AppHost.Tests.Secrets;

/// <summary>Every row of every table of a database: each as its text form, and each binary value's raw bytes.</summary>
public static class DatabaseDump
{
    /// <summary>Reads every user table (Orleans' included) of the database at <paramref name="connectionString"/>.</summary>
    public static async Task<IReadOnlyList<TableDump>> ReadAsync(
        string connectionString,
        CancellationToken cancellationToken
    )
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = new List<(string Schema, string Name)>();
        await using (
            var list = new NpgsqlCommand(
                """
                SELECT table_schema, table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY 1, 2
                """,
                connection
            )
        )
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var dumps = new List<TableDump>();
        foreach (var (schema, name) in tables)
        {
            dumps.Add(await ReadTableAsync(connection, schema, name, cancellationToken));
        }

        return dumps;
    }

    private static async Task<TableDump> ReadTableAsync(
        NpgsqlConnection connection,
        string schema,
        string name,
        CancellationToken cancellationToken
    )
    {
        var table = $"{Quote(schema)}.{Quote(name)}";
        var rows = new List<string>();
        var binaries = new List<byte[]>();
        // The row's text form (bytea as hexadecimal), then every column as its own value.
        await using var select = new NpgsqlCommand($"SELECT t::text, t.* FROM {table} t", connection);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetString(0));
            for (var column = 1; column < reader.FieldCount; column++)
            {
                if (!await reader.IsDBNullAsync(column, cancellationToken) && reader.GetValue(column) is byte[] bytes)
                {
                    binaries.Add(bytes);
                }
            }
        }

        return new TableDump($"{schema}.{name}", rows, binaries);
    }

    private static string Quote(string identifier) =>
        "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>One table's rows as text and its binary values as bytes.</summary>
/// <param name="Table">The table's qualified name.</param>
/// <param name="Rows">Each row's text form.</param>
/// <param name="Binaries">Each non-null binary value.</param>
public sealed record TableDump(string Table, IReadOnlyList<string> Rows, IReadOnlyList<byte[]> Binaries);
