namespace PHDB.Admin.Exports;

/// <summary>The answer to a request to start an export.</summary>
/// <param name="Started">Whether the export started.</param>
/// <param name="Name">The export's folder name (of the running one when refused), if known.</param>
/// <param name="Refusal">Why it did not start, in one line.</param>
public sealed record ExportStart(bool Started, string? Name, string? Refusal);
