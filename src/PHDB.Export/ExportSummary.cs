namespace PHDB.Export;

/// <summary>A finished export in the exports directory, read from its manifest.</summary>
/// <param name="Name">Its folder name.</param>
/// <param name="Directory">Its folder.</param>
/// <param name="Manifest">Its manifest.</param>
/// <param name="IsLatest">The <c>latest</c> link points to it.</param>
public sealed record ExportSummary(string Name, string Directory, ExportManifest Manifest, bool IsLatest)
{
    /// <summary>Rows of every table.</summary>
    public long Rows => Manifest.Tables.Values.Sum();

    /// <summary>Bytes of every file.</summary>
    public long Bytes => Manifest.Files.Sum(f => f.Bytes);
}
