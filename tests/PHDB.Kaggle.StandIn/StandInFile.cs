namespace PHDB.Kaggle.StandIn;

/// <summary>A file of a dataset version: its name, size and the SHA-256 (lower-case hex) of the bytes uploaded.</summary>
public sealed record StandInFile(string Name, long Bytes, string Sha256);
