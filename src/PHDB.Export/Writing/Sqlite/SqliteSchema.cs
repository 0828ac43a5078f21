using System.Text;
using PHDB.Export.Schema;

namespace PHDB.Export.Writing.Sqlite;

/// <summary>The SQL that declares, fills and indexes an exported table in SQLite.</summary>
internal static class SqliteSchema
{
    /// <summary>Quotes an identifier.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The column type a kind is stored as (a <c>STRICT</c> table's type).</summary>
    public static string TypeOf(ColumnKind kind) =>
        kind switch
        {
            ColumnKind.BigInt or ColumnKind.Count or ColumnKind.Boolean => "INTEGER",
            ColumnKind.Real => "REAL",
            _ => "TEXT",
        };

    /// <summary>
    /// <c>CREATE TABLE</c> with its columns, <c>NOT NULL</c>s, primary key and foreign keys, <c>STRICT</c>. A single
    /// integer key becomes the rowid (<c>INTEGER PRIMARY KEY</c>); a composite key makes a <c>WITHOUT ROWID</c>
    /// table, clustered on the key, so link tables are stored once instead of as a table plus a key index.
    /// </summary>
    public static string CreateTable(ExportTable table)
    {
        var sql = new StringBuilder("CREATE TABLE ").Append(Quote(table.Name)).Append(" (");
        var rowidKey =
            table.PrimaryKey.Count == 1 && table.Columns[table.IndexOf(table.PrimaryKey[0])].Kind is ColumnKind.BigInt;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            sql.Append(i == 0 ? "\n    " : ",\n    ")
                .Append(Quote(column.Name))
                .Append(' ')
                .Append(TypeOf(column.Kind));
            if (rowidKey && column.Name == table.PrimaryKey[0])
            {
                sql.Append(" PRIMARY KEY");
            }

            if (!column.Nullable)
            {
                sql.Append(" NOT NULL");
            }

            foreach (var reference in table.ForeignKeys.Where(f => f.Column == column.Name))
            {
                sql.Append(" REFERENCES ")
                    .Append(Quote(reference.Table))
                    .Append(" (")
                    .Append(Quote(reference.ReferencedColumn))
                    .Append(')');
            }
        }

        if (!rowidKey && table.PrimaryKey.Count > 0)
        {
            sql.Append(",\n    PRIMARY KEY (").AppendJoin(", ", table.PrimaryKey.Select(Quote)).Append(')');
        }

        sql.Append("\n) STRICT");
        if (!rowidKey && table.PrimaryKey.Count > 0)
        {
            sql.Append(", WITHOUT ROWID");
        }

        return sql.ToString();
    }

    /// <summary>The <c>INSERT</c> of one row, with one parameter per column, in column order.</summary>
    public static string Insert(ExportTable table) =>
        $"INSERT INTO {Quote(table.Name)} VALUES ({string.Join(", ", table.Columns.Select(_ => "?"))})";

    /// <summary>The name of the index on <paramref name="columns"/>: <c>ix_&lt;table&gt;_&lt;columns&gt;</c>.</summary>
    public static string IndexName(ExportTable table, IReadOnlyList<string> columns) =>
        $"ix_{table.Name}_{string.Join('_', columns)}";

    /// <summary><c>CREATE INDEX</c> for each of the table's declared indexes.</summary>
    public static IEnumerable<string> CreateIndexes(ExportTable table) =>
        table.Indexes.Select(columns =>
            $"CREATE INDEX {Quote(IndexName(table, columns))} ON {Quote(table.Name)} ({string.Join(", ", columns.Select(Quote))})"
        );
}
