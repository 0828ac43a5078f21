namespace PHDB.Export.Writing;

/// <summary>How a format writes its files.</summary>
/// <param name="Gzip">CSV files are gzip-compressed (<c>.csv.gz</c>).</param>
/// <param name="PartitionByMonth">
/// Tables with a partition column are written Hive-style, one folder per month of that column
/// (<c>votes/month=2024-03/part-0.parquet</c>); rows then arrive ordered by that column.
/// </param>
/// <param name="RowGroupRows">Rows per Parquet row group.</param>
public sealed record FormatOptions(bool Gzip = false, bool PartitionByMonth = false, int RowGroupRows = 100_000);
