namespace PHDB.Simulator.World;

/// <summary>
/// When the i-th of n votes or comments arrives, as seconds after its subject appeared. Offsets never decrease
/// with i, so "how many by time t" is a binary search and the world needs no per-vote storage.
/// </summary>
internal static class Timeline
{
    private const double Day = 86_400;

    /// <summary>Votes on a post: most on launch day, a long tail over about 13 months.</summary>
    public static int PostVoteOffset(int i, int n) => PostVoteOffsetAt((i + 0.5) / n);

    /// <summary>The post vote curve at quantile <paramref name="q"/> (the share of the final votes cast by then).</summary>
    public static int PostVoteOffsetAt(double q) =>
        q < 0.7 ? (int)(Day * Math.Pow(q / 0.7, 2)) : (int)(Day + 400 * Day * Math.Pow((q - 0.7) / 0.3, 2.5));

    /// <summary>Comments on a post: the first minutes after launch, then a tail over two months.</summary>
    public static int CommentOffset(int j, int n)
    {
        var q = (j + 0.5) / n;
        return 120 + (int)(60 * Day * Math.Pow(q, 2.5));
    }

    /// <summary>Votes on a comment: within a month of the comment.</summary>
    public static int CommentVoteOffset(int i, int n)
    {
        var q = (i + 0.5) / n;
        return 30 + (int)(30 * Day * Math.Pow(q, 2));
    }

    /// <summary>How many of n items with the given offsets exist <paramref name="elapsed"/> seconds after the start.</summary>
    public static int CountAt(Func<int, int, int> offset, int n, long elapsed)
    {
        if (n <= 0 || elapsed < offset(0, n))
        {
            return 0;
        }

        if (elapsed >= offset(n - 1, n))
        {
            return n;
        }

        int lo = 0,
            hi = n - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (offset(mid, n) <= elapsed)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo + 1;
    }

    /// <summary>How many items have an offset strictly below the bound: the first index at or after it.</summary>
    public static int FirstAtOrAfter(Func<int, int, int> offset, int n, long bound)
    {
        int lo = 0,
            hi = n;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (offset(mid, n) < bound)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
