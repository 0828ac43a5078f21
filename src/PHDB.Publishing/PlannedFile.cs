namespace PHDB.Publishing;

/// <summary>A file a publication uploads, with its path inside the export folder.</summary>
public sealed record PlannedFile(string Path, long Bytes);
