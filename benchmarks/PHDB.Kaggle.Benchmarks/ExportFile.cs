namespace PHDB.Kaggle.Benchmarks;

/// <summary>One file of the synthetic export: its name, size and SHA-256 (lower-case hex).</summary>
internal sealed record ExportFile(string Name, long Bytes, string Sha256);
