namespace PHDB.Kaggle.Wire;

/// <summary>Kaggle's answer to StartBlobUpload: the blob's token and where its bytes go.</summary>
/// <param name="Token">Names the uploaded blob in CreateDataset and CreateDatasetVersion.</param>
/// <param name="CreateUrl">The resumable upload address (a bearer of its own; never logged whole).</param>
public sealed record BlobUploadTicket(string Token, Uri CreateUrl);
