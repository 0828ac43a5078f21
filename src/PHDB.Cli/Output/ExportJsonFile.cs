namespace PHDB.Cli.Output;

/// <summary>A file in <c>phdb export --json</c>.</summary>
internal sealed record ExportJsonFile(string Path, string Format, long Rows, long Bytes, string Sha256);
