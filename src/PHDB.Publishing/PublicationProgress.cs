namespace PHDB.Publishing;

/// <summary>A publication's progress.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Detail">One line: the file being uploaded, Kaggle's processing state, the table being exported.</param>
/// <param name="Done">Bytes uploaded so far (uploading), else 0.</param>
/// <param name="Total">Bytes to upload (uploading), else 0.</param>
public sealed record PublicationProgress(PublicationStage Stage, string Detail, long Done = 0, long Total = 0);
