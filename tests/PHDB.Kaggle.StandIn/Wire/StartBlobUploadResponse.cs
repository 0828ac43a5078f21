namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiStartBlobUploadResponse</c>.</summary>
internal sealed record StartBlobUploadResponse(string Token, string CreateUrl);
