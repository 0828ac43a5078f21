using PHDB.Export.Writing;

namespace PHDB.Admin.Tests.Exports;

/// <summary>A test format: one text file per table holding its row count, under <c>tally/</c>.</summary>
internal sealed class TallyFormat : IExportFormat
{
    public const string FormatName = "tally";

    public string Name => FormatName;

    public IFormatWriter Open(string exportRoot, FormatOptions options) => new TallyWriter(exportRoot);
}
