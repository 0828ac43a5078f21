using System.Globalization;
using PHDB.Cli.Output;
using PHDB.Export;

namespace PHDB.Cli.Rendering;

/// <summary>The progress of <c>phdb export</c> when the output is not a terminal: one line per table written.</summary>
internal sealed class ExportProgressLines(CliOutput output) : IProgress<ExportProgress>
{
    private readonly Lock gate = new();

    public void Report(ExportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Completed)
        {
            return;
        }

        lock (gate)
        {
            output.Line(string.Create(CultureInfo.InvariantCulture, $"{value.Table}: {value.Rows:N0} rows"));
        }
    }
}
