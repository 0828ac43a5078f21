using System.Globalization;
using Microsoft.AspNetCore.Components;
using PHDB.Admin.Data;
using PHDB.Storage;

namespace PHDB.Admin.Components.Pages;

/// <summary>One stored post with its makers, topics, media, links, votes over time and comment threads.</summary>
public sealed partial class PostPage : IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private PostDetail? detail;
    private bool notFound;
    private string? error;
    private long? loaded;

    /// <summary>The post's Product Hunt id.</summary>
    [Parameter]
    public long Id { get; set; }

    [Inject]
    private HarvestReader Reader { get; set; } = default!;

    private string Title =>
        detail?.Post.Name ?? (notFound ? "Post not found" : string.Create(CultureInfo.InvariantCulture, $"Post {Id}"));

    /// <inheritdoc />
    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (loaded == Id)
        {
            return;
        }

        var id = Id;
        loaded = id;
        detail = null;
        notFound = false;
        error = null;
        try
        {
            var read = await Reader.GetPostAsync(id, disposed.Token);
            if (loaded == id)
            {
                detail = read;
                notFound = read is null;
            }
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page was left.
        }
        catch (Exception e)
        {
            if (loaded == id)
            {
                error = LoadFailures.Describe("The post", e);
            }
        }
    }
}
