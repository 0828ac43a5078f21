using Microsoft.AspNetCore.Components;
using PHDB.Admin.Data;
using PHDB.Admin.Exports;
using PHDB.Export;
using PHDB.Export.Schema;
using PHDB.Operations;

namespace PHDB.Admin.Components.Pages;

/// <summary>Starts an export, follows it live and lists the complete exports with their files.</summary>
public sealed partial class Exports : IDisposable
{
    /// <summary>How often the elapsed time of a running export is brought up to date.</summary>
    public static readonly TimeSpan ClockInterval = TimeSpan.FromSeconds(1);

    private static readonly string[] CardFiles =
    [
        DataCard.ReadmeFile,
        DataCard.MetadataFile,
        ExportCatalog.ManifestFile,
    ];

    private readonly HashSet<string> formats = new(ExportFormats.All, StringComparer.Ordinal);
    private ExportJobView job = ExportJobView.Idle;
    private IReadOnlyList<ExportSummary>? exports;
    private string? listError;
    private string? refusal;
    private string layout = ExportLayouts.Phdb.Name;
    private bool gzip;
    private bool partitionByMonth;
    private ITimer? clock;

    [Inject]
    private ExportJobs Jobs { get; set; } = default!;

    [Inject]
    private ExportCatalog Catalog { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <inheritdoc />
    public void Dispose()
    {
        Jobs.Changed -= OnChanged;
        clock?.Dispose();
    }

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        job = Jobs.Current;
        Jobs.Changed += OnChanged;
        clock = Time.CreateTimer(_ => Tick(), null, ClockInterval, ClockInterval);
        Reload();
    }

    private void OnChanged(ExportJobView next) =>
        _ = InvokeAsync(() =>
        {
            var finished = job.IsRunning && !next.IsRunning;
            job = next;
            if (finished)
            {
                Reload();
            }

            StateHasChanged();
        });

    private void Tick()
    {
        if (job.IsRunning)
        {
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private void Toggle(string format, bool on)
    {
        if (on)
        {
            formats.Add(format);
        }
        else
        {
            formats.Remove(format);
        }
    }

    private void Start()
    {
        var request = new ExportRequest([.. ExportFormats.All.Where(formats.Contains)], layout, gzip, partitionByMonth);
        var start = Jobs.Start(request);
        refusal = start.Refusal;
        job = Jobs.Current;
    }

    private void Reload()
    {
        listError = null;
        try
        {
            exports = Catalog.List();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            exports = null;
            listError = LoadFailures.Describe("The exports", e);
        }
    }

    private string Status()
    {
        var elapsed = HarvestText.Duration(job.Elapsed(Time.GetUtcNow()));
        var name = job.Name ?? "the export";
        return job.State switch
        {
            ExportJobState.Running =>
                $"Writing {name}: {job.Tables.Count(t => t.Completed)} of {job.Tables.Count} table(s) done · {elapsed} elapsed",
            ExportJobState.Succeeded when job.Result is { } result =>
                $"{result.Name} written: {ExportText.Rows(result.Tables.Values.Sum())} rows, {ExportText.Size(result.Bytes)} in {elapsed}.",
            ExportJobState.Failed => $"{name} failed after {elapsed}.",
            _ => "",
        };
    }
}
