namespace PHDB.Admin.Data;

/// <summary>
/// Keyset paging of the Posts page: the cursor of the page shown and the cursors of the pages before it, so
/// "previous page" goes back without offsets.
/// </summary>
public sealed class PostPager
{
    private readonly Stack<string?> earlier = new();

    /// <summary>The cursor of the page shown, <see langword="null"/> on the first page.</summary>
    public string? Cursor { get; private set; }

    /// <summary>The page shown, counted from 1.</summary>
    public int PageNumber => earlier.Count + 1;

    /// <summary>Whether there is a page before this one.</summary>
    public bool HasPrevious => earlier.Count > 0;

    /// <summary>Moves to the page that starts at <paramref name="nextCursor"/>, the reader's next cursor.</summary>
    public void Next(string nextCursor)
    {
        ArgumentException.ThrowIfNullOrEmpty(nextCursor);
        earlier.Push(Cursor);
        Cursor = nextCursor;
    }

    /// <summary>Moves back to the page before this one.</summary>
    /// <exception cref="InvalidOperationException">This is the first page.</exception>
    public void Previous()
    {
        if (earlier.Count == 0)
        {
            throw new InvalidOperationException("The first page has no page before it.");
        }

        Cursor = earlier.Pop();
    }

    /// <summary>Back to the first page (the filter changed).</summary>
    public void Reset()
    {
        earlier.Clear();
        Cursor = null;
    }
}
