using System.Globalization;
using PHDB.Cli.Output;
using PHDB.Publishing;

namespace PHDB.Cli.Rendering;

/// <summary>
/// The progress of <c>phdb publish</c>: one line when the stage or its subject changes (the table exported, the file
/// uploaded, Kaggle's processing state), and one per quarter of a large upload's bytes.
/// </summary>
internal sealed class PublicationLines(CliOutput output) : IProgress<PublicationProgress>
{
    private readonly Lock gate = new();
    private (PublicationStage Stage, string Detail)? last;
    private int quarter;

    public void Report(PublicationProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            if (last != (value.Stage, value.Detail))
            {
                if (last?.Stage != value.Stage)
                {
                    quarter = 0;
                }

                last = (value.Stage, value.Detail);
                output.Line(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{value.Stage.ToString().ToLowerInvariant()}: {value.Detail}"
                    )
                );
                return;
            }

            if (value.Total > 64L * 1024 * 1024 && value.Done * 4 / value.Total > quarter)
            {
                quarter = (int)(value.Done * 4 / value.Total);
                output.Line(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {value.Done * 100 / value.Total} % of {value.Total:N0} bytes"
                    )
                );
            }
        }
    }
}
