using System.Globalization;
using Microsoft.AspNetCore.Components;
using PHDB.Admin.Data;
using PHDB.Storage;

namespace PHDB.Admin.Components.Pages;

/// <summary>
/// Browse and search the stored posts with keyset paging; the filter lives in the query string so that a
/// listing can be shared and reloaded.
/// </summary>
public sealed partial class Posts : IDisposable
{
    /// <summary>Posts per page.</summary>
    public const int PageSize = 50;

    /// <summary>Most topics offered in the topic filter.</summary>
    public const int TopicLimit = 1000;

    private readonly PostPager pager = new();
    private readonly CancellationTokenSource disposed = new();
    private PostFilter? filter;
    private IReadOnlyList<TopicReference> topics = [];
    private IReadOnlyList<PostSummary>? posts;
    private string? nextCursor;
    private string? postsError;
    private string? topicsError;
    private bool loading;
    private int loadVersion;

    /// <summary>The first launch day (<c>yyyy-MM-dd</c>).</summary>
    [SupplyParameterFromQuery(Name = PostFilterQuery.FromKey)]
    public string? From { get; set; }

    /// <summary>The last launch day (<c>yyyy-MM-dd</c>).</summary>
    [SupplyParameterFromQuery(Name = PostFilterQuery.ToKey)]
    public string? To { get; set; }

    /// <summary>The topic slug.</summary>
    [SupplyParameterFromQuery(Name = PostFilterQuery.TopicKey)]
    public string? Topic { get; set; }

    /// <summary>The search text.</summary>
    [SupplyParameterFromQuery(Name = PostFilterQuery.TextKey)]
    public string? Text { get; set; }

    /// <summary>The order (<c>newest</c> or <c>votes</c>).</summary>
    [SupplyParameterFromQuery(Name = PostFilterQuery.SortKey)]
    public string? Sort { get; set; }

    /// <summary>Featured only (<c>true</c>).</summary>
    [SupplyParameterFromQuery(Name = PostFilterQuery.FeaturedKey)]
    public string? Featured { get; set; }

    [Inject]
    private HarvestReader Reader { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string Caption =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Page {pager.PageNumber}: {posts?.Count ?? 0} post(s), {(filter?.Sort == PostSort.Votes ? "most votes" : "newest")} first"
        );

    /// <inheritdoc />
    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }

    /// <inheritdoc />
    protected override void OnInitialized() => _ = LoadTopicsAsync();

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var requested = PostFilterQuery.Read(From, To, Topic, Text, Sort, Featured);
        if (requested != filter)
        {
            filter = requested;
            pager.Reset();
            await LoadAsync();
        }
    }

    private async Task LoadTopicsAsync()
    {
        try
        {
            var stored = await Reader.GetTopicsAsync(TopicLimit, disposed.Token);
            topics = [.. stored.Select(t => new TopicReference(t.Id, t.Name, t.Slug))];
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page was left.
            return;
        }
        catch (Exception e)
        {
            topicsError = LoadFailures.Describe("The topics", e);
        }

        StateHasChanged();
    }

    private void ApplyFilter(PostFilter next) => Navigation.NavigateTo(PostFilterQuery.ToRelativeUri(next));

    private async Task NextPageAsync()
    {
        if (nextCursor is { } cursor)
        {
            pager.Next(cursor);
            await LoadAsync();
        }
    }

    private async Task PreviousPageAsync()
    {
        if (pager.HasPrevious)
        {
            pager.Previous();
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var version = ++loadVersion;
        loading = true;
        postsError = null;
        try
        {
            var page = await Reader.BrowsePostsAsync(filter!.ToQuery(pager.Cursor, PageSize), disposed.Token);
            if (version == loadVersion)
            {
                posts = page.Posts;
                nextCursor = page.NextCursor;
            }
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page was left.
        }
        catch (Exception e)
        {
            if (version == loadVersion)
            {
                posts = null;
                nextCursor = null;
                postsError = LoadFailures.Describe("The posts", e);
            }
        }
        finally
        {
            if (version == loadVersion)
            {
                loading = false;
            }
        }
    }
}
