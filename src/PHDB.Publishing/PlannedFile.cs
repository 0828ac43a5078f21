namespace PHDB.Publishing;

/// <summary>A file a publication uploads, with its path inside the export folder.</summary>
/// <param name="Path">Its path inside the export folder, with <c>/</c> separators (e.g. <c>csv/posts.csv</c>).</param>
/// <param name="Bytes">Its size.</param>
public sealed record PlannedFile(string Path, long Bytes)
{
    /// <summary>
    /// Its name on Kaggle: the file name alone, as Kaggle's own client uploads it (a dataset's files have no folders
    /// there), e.g. <c>posts.csv</c> for <c>csv/posts.csv</c>.
    /// </summary>
    public string Name => System.IO.Path.GetFileName(Path);
}
