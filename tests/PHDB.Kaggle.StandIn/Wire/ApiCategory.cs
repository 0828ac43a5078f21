namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiCategory</c>.</summary>
internal sealed record ApiCategory(string Ref, string Name);
