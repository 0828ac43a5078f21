namespace PHDB.Kaggle.StandIn.Wire;

/// <summary>Kaggle's error body, sent with an HTTP status of 400 or more and <c>application/json</c>.</summary>
internal sealed record ErrorBody(int Code, string Message);
