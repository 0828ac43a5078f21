using System.Collections.Concurrent;
using System.Globalization;
using PHDB.Export;
using Spectre.Console;

namespace PHDB.Cli.Rendering;

/// <summary>A progress bar per table of <c>phdb export</c> on a terminal.</summary>
internal sealed class ExportProgressBars(ProgressContext context) : IProgress<ExportProgress>
{
    private readonly ConcurrentDictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);

    /// <summary>The columns the bars are drawn with.</summary>
    public static ProgressColumn[] Columns() =>
        [
            new TaskDescriptionColumn { Alignment = Justify.Left },
            new ProgressBarColumn(),
            new PercentageColumn(),
            new ElapsedTimeColumn(),
        ];

    public void Report(ExportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var task = tasks.GetOrAdd(value.Table, name => context.AddTask(name, maxValue: 1));
        lock (task)
        {
            var expected = Math.Max(value.ExpectedRows ?? 0, value.Rows);
            task.IsIndeterminate = expected == 0 && !value.Completed;
            task.MaxValue = Math.Max(expected, 1);
            task.Value = value.Completed ? task.MaxValue : value.Rows;
            task.Description = Markup.Escape(
                string.Create(CultureInfo.InvariantCulture, $"{value.Table} {value.Rows:N0} rows")
            );
            if (value.Completed)
            {
                task.StopTask();
            }
        }
    }

    /// <summary>Marks every bar done.</summary>
    public void Finish()
    {
        foreach (var task in tasks.Values)
        {
            task.StopTask();
        }
    }
}
