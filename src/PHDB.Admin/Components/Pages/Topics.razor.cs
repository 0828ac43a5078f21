using Microsoft.AspNetCore.Components;
using PHDB.Admin.Data;
using PHDB.Storage;

namespace PHDB.Admin.Components.Pages;

/// <summary>Topics with their post counts and the posts per month of the selected topic.</summary>
public sealed partial class Topics : IDisposable
{
    /// <summary>Most topics listed.</summary>
    public const int TopicLimit = 1000;

    private readonly CancellationTokenSource disposed = new();
    private IReadOnlyList<TopicSummary>? topics;
    private TopicSummary? selected;
    private IReadOnlyList<MonthlyCount>? months;
    private string? topicsError;
    private string? monthsError;
    private string? chartOf;

    /// <summary>The slug of the selected topic; the topic with most posts when not set.</summary>
    [SupplyParameterFromQuery(Name = TopicsPage.TopicKey)]
    public string? Topic { get; set; }

    [Inject]
    private HarvestReader Reader { get; set; } = default!;

    /// <inheritdoc />
    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        try
        {
            topics = await Reader.GetTopicsAsync(TopicLimit, disposed.Token);
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page was left.
        }
        catch (Exception e)
        {
            topicsError = LoadFailures.Describe("The topics", e);
        }
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (topics is null)
        {
            return;
        }

        var slug = Topic?.Trim();
        selected = string.IsNullOrEmpty(slug)
            ? (topics.Count > 0 ? topics[0] : null)
            : topics.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.Ordinal));
        if (selected is null || selected.Slug == chartOf)
        {
            return;
        }

        var wanted = selected.Slug;
        chartOf = wanted;
        months = null;
        monthsError = null;
        try
        {
            var read = await Reader.GetTopicPostsPerMonthAsync(wanted, disposed.Token);
            if (chartOf == wanted)
            {
                months = read;
            }
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page was left.
        }
        catch (Exception e)
        {
            if (chartOf == wanted)
            {
                chartOf = null;
                monthsError = LoadFailures.Describe("The posts per month", e);
            }
        }
    }
}
