namespace PHDB.Export;

/// <summary>How far one table of a running export is.</summary>
/// <param name="Table">The table.</param>
/// <param name="Rows">Rows written so far, summed over the formats' passes; once <paramref name="Completed"/>, the table's rows.</param>
/// <param name="ExpectedRows">PostgreSQL's estimate of the table's rows, for a progress bar; <c>null</c> if unknown.</param>
/// <param name="Completed">The table is written.</param>
public sealed record ExportProgress(string Table, long Rows, long? ExpectedRows, bool Completed);
