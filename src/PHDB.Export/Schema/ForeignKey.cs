namespace PHDB.Export.Schema;

/// <summary>A reference from a column of one exported table to the key of another.</summary>
/// <param name="Column">The referring column.</param>
/// <param name="Table">The referenced table.</param>
/// <param name="ReferencedColumn">The referenced column (its primary key).</param>
public sealed record ForeignKey(string Column, string Table, string ReferencedColumn = "id");
