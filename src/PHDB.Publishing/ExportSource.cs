using PHDB.Export;

namespace PHDB.Publishing;

/// <summary>An export folder to publish: its full path, its name and its manifest.</summary>
internal sealed record ExportSource(string Directory, string Name, ExportManifest Manifest);
