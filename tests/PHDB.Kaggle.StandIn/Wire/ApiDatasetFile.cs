namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiDatasetFile</c>.</summary>
internal sealed record ApiDatasetFile(string Ref, string DatasetRef, string Name, string CreationDate, long TotalBytes);
