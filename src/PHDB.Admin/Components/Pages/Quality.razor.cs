using System.Globalization;
using Microsoft.AspNetCore.Components;
using PHDB.Admin.Data;
using PHDB.Storage;

namespace PHDB.Admin.Components.Pages;

/// <summary>Data-quality findings: counts per check, a filter by check and the latest findings.</summary>
public sealed partial class Quality : IDisposable
{
    /// <summary>Most findings listed.</summary>
    public const int FindingLimit = 200;

    private const string AllChecks = "";

    private readonly CancellationTokenSource disposed = new();
    private IReadOnlyList<QualityCheckCount>? counts;
    private IReadOnlyList<QualityFinding>? findings;
    private string? error;
    private bool loading;
    private string? selectedCheck;
    private bool loaded;

    /// <summary>The check the findings are filtered by; every check when not set.</summary>
    [SupplyParameterFromQuery(Name = QualityPage.CheckKey)]
    public string? Check { get; set; }

    [Inject]
    private HarvestBookkeeping Bookkeeping { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private IEnumerable<string> CheckNames
    {
        get
        {
            var names = (counts ?? []).Select(c => c.Check).Order(StringComparer.Ordinal).ToList();
            if (selectedCheck is { } check && !names.Contains(check, StringComparer.Ordinal))
            {
                names.Insert(0, check);
            }

            return names;
        }
    }

    private string FindingsCaption =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{findings?.Count ?? 0} finding(s), newest first (at most {FindingLimit})"
        );

    /// <inheritdoc />
    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var requested = string.IsNullOrWhiteSpace(Check) ? null : Check.Trim();
        if (!loaded || requested != selectedCheck)
        {
            loaded = true;
            selectedCheck = requested;
            await LoadAsync();
        }
    }

    private static string CheckLabel(string? check) => string.IsNullOrEmpty(check) ? "All checks" : check;

    private void OnCheckChanged(string? check) =>
        Navigation.NavigateTo(string.IsNullOrEmpty(check) ? QualityPage.All : QualityPage.Of(check));

    private async Task LoadAsync()
    {
        loading = true;
        error = null;
        var check = selectedCheck;
        try
        {
            var readCounts = await Bookkeeping.GetFindingCountsAsync(disposed.Token);
            var readFindings = await Bookkeeping.GetFindingsAsync(check, FindingLimit, disposed.Token);
            if (check == selectedCheck)
            {
                counts = readCounts;
                findings = readFindings;
            }
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page was left.
        }
        catch (Exception e)
        {
            counts = null;
            findings = null;
            error = LoadFailures.Describe("The data-quality findings", e);
        }
        finally
        {
            loading = false;
        }
    }
}
