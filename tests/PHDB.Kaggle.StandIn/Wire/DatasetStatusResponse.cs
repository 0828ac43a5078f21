namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiGetDatasetStatusResponse</c>; the status is a <c>DatabundleVersionStatus</c> name.</summary>
internal sealed record DatasetStatusResponse(string Status);
