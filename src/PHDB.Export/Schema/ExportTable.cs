namespace PHDB.Export.Schema;

/// <summary>
/// One exported table: its columns (the data dictionary), the query that reads it from the snapshot, and the keys
/// and indexes the SQLite file gets.
/// </summary>
/// <param name="Name">The table's name: the file name in CSV and Parquet, the table name in SQLite.</param>
/// <param name="Description">What one row is.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Query">
/// A PostgreSQL <c>SELECT</c> whose result columns are <paramref name="Columns"/> in order and with matching types
/// (bigint, integer, double precision, boolean, timestamptz, date, text); <c>null</c> for a table computed in memory.
/// </param>
/// <param name="PrimaryKey">The primary key's columns.</param>
/// <param name="ForeignKeys">The references to other tables of the same export.</param>
/// <param name="Indexes">Secondary indexes for the common joins, each a list of columns.</param>
/// <param name="PartitionColumn">
/// The timestamp column whose month partitions the table under <c>--partition month</c>; <c>null</c> for tables
/// written whole.
/// </param>
public sealed record ExportTable(
    string Name,
    string Description,
    IReadOnlyList<ExportColumn> Columns,
    string? Query,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<ForeignKey> ForeignKeys,
    IReadOnlyList<IReadOnlyList<string>> Indexes,
    string? PartitionColumn = null
)
{
    /// <summary>The index of the column named <paramref name="name"/>.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"The table {Name} has no column {name}.", nameof(name));
    }
}
