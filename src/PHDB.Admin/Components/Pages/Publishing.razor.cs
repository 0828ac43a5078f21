using Microsoft.AspNetCore.Components;
using MudBlazor;
using PHDB.Admin.Data;
using PHDB.Admin.Publishing;
using PHDB.Grains.Publishing;
using PHDB.Publishing;

namespace PHDB.Admin.Components.Pages;

/// <summary>
/// Kaggle publishing: the cluster's publisher (the running publication with its upload, the schedule, the last
/// error), "Publish now" and "Dry run", and the history of publications. It reads again every
/// <see cref="RunningRefreshInterval"/> while a publication runs, and on demand.
/// </summary>
public sealed partial class Publishing : IDisposable
{
    /// <summary>How often the page reads the publisher and the history while a publication runs.</summary>
    public static readonly TimeSpan RunningRefreshInterval = TimeSpan.FromSeconds(2);

    /// <summary>Most publications listed.</summary>
    public const int HistoryLimit = 50;

    private readonly CancellationTokenSource disposed = new();
    private PublicationStatus? status;
    private string? statusError;
    private IReadOnlyList<PublicationRecord>? history;
    private string? historyError;
    private DateTimeOffset now;
    private string? answer;
    private bool answerFailed;
    private bool busy;
    private bool refreshing;
    private ITimer? poll;

    [Inject]
    private IClusterClient Cluster { get; set; } = default!;

    [Inject]
    private PublicationHistory History { get; set; } = default!;

    [Inject]
    private PublishingTarget Target { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private bool CommandsDisabled => busy || status?.Running == true;

    private IPublicationGrain Publisher => Cluster.GetGrain<IPublicationGrain>(PublicationStatus.Key);

    /// <inheritdoc />
    public void Dispose()
    {
        poll?.Dispose();
        poll = null;
        disposed.Cancel();
        disposed.Dispose();
    }

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => RefreshAsync();

    private async Task RefreshAsync()
    {
        if (refreshing || disposed.IsCancellationRequested)
        {
            return;
        }

        refreshing = true;
        try
        {
            await LoadStatusAsync();
            await LoadHistoryAsync();
            now = Time.GetUtcNow();
        }
        finally
        {
            refreshing = false;
        }

        FollowRunning();
    }

    private async Task LoadStatusAsync()
    {
        try
        {
            status = await Publisher.GetStatus().WaitAsync(disposed.Token);
            statusError = null;
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page was left.
        }
        catch (Exception e)
        {
            status = null;
            statusError = LoadFailures.Describe("The publisher's state", e);
        }
    }

    private async Task LoadHistoryAsync()
    {
        try
        {
            history = await History.ListAsync(HistoryLimit, disposed.Token);
            historyError = null;
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page was left.
        }
        catch (Exception e)
        {
            history = null;
            historyError = LoadFailures.Describe("The publication history", e);
        }
    }

    /// <summary>Reads again every <see cref="RunningRefreshInterval"/> while a publication runs; not otherwise.</summary>
    private void FollowRunning()
    {
        if (disposed.IsCancellationRequested)
        {
            return;
        }

        if (status?.Running == true)
        {
            poll ??= Time.CreateTimer(_ => Tick(), null, RunningRefreshInterval, RunningRefreshInterval);
        }
        else
        {
            poll?.Dispose();
            poll = null;
        }
    }

    private void Tick() =>
        _ = InvokeAsync(async () =>
        {
            if (disposed.IsCancellationRequested || refreshing)
            {
                return;
            }

            await RefreshAsync();
            StateHasChanged();
        });

    private async Task PublishAsync()
    {
        var what = Target.Dataset is { } dataset ? $"the Kaggle dataset {dataset}" : "the Kaggle dataset";
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Publish now?",
            $"Export the database and publish it as a new version of {what}? Everyone who follows the dataset sees the new version.",
            yesText: "Publish",
            cancelText: "Cancel"
        );
        if (confirmed == true)
        {
            await StartAsync(dryRun: false);
        }
    }

    private Task DryRunAsync() => StartAsync(dryRun: true);

    private async Task StartAsync(bool dryRun)
    {
        busy = true;
        answer = null;
        answerFailed = false;
        var before = status;
        try
        {
            var after = await Publisher.PublishNow(dryRun, PublishingText.Origin).WaitAsync(disposed.Token);
            status = after;
            statusError = null;
            answer = PublishingText.Answer(before, after, dryRun);
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            answerFailed = true;
            answer = $"The publisher could not be asked: {e.Message}";
        }
        finally
        {
            busy = false;
        }

        await LoadHistoryAsync();
        now = Time.GetUtcNow();
        FollowRunning();
    }

    private TimeSpan Elapsed(PublicationStatus running) =>
        running.StartedAt is { } started ? now - started : TimeSpan.Zero;
}
