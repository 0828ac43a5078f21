using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PHDB.Cli.Rendering;

/// <summary>A task's percentage, left blank for counters (indeterminate tasks), which have no share to show.</summary>
internal sealed class ShareColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsIndeterminate
            ? new Text("    ")
            : new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Percentage, 3:0}%"));
    }

    public override int? GetColumnWidth(RenderOptions options) => 4;
}
