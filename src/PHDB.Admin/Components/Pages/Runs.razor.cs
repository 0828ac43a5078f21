using Microsoft.AspNetCore.Components;
using PHDB.Admin.Data;
using PHDB.Storage;

namespace PHDB.Admin.Components.Pages;

/// <summary>The history of harvest runs.</summary>
public sealed partial class Runs : IDisposable
{
    /// <summary>Most runs listed.</summary>
    public const int RunLimit = 200;

    private readonly CancellationTokenSource disposed = new();
    private IReadOnlyList<HarvestRun>? runs;
    private DateTimeOffset now;
    private string? error;
    private bool loading;

    [Inject]
    private HarvestBookkeeping Bookkeeping { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <inheritdoc />
    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        loading = true;
        error = null;
        try
        {
            runs = await Bookkeeping.GetRunsAsync(RunLimit, disposed.Token);
            now = Time.GetUtcNow();
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page was left.
        }
        catch (Exception e)
        {
            runs = null;
            error = LoadFailures.Describe("The harvest runs", e);
        }
        finally
        {
            loading = false;
        }
    }
}
