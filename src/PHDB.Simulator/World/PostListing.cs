using System.Collections.Concurrent;

namespace PHDB.Simulator.World;

/// <summary>
/// Answers <c>Query.posts</c>: the ordered post indices matching a filter at a simulated instant. Results are
/// cached per (filter, instant) so that paging through one listing sorts it once; the cache holds the latest
/// instant only and at most <see cref="CachedItemLimit"/> indices, so its memory stays bounded at any scale.
/// </summary>
internal sealed class PostListing(ProductHuntWorld world)
{
    private const long CachedItemLimit = 16_000_000;
    private readonly ConcurrentDictionary<(PostFilter Filter, int Now), int[]> _cache = new();
    private readonly Lock _gate = new();
    private long _cachedItems;
    private int _latest = int.MinValue;

    public int[] List(PostFilter filter, int now)
    {
        if (_cache.TryGetValue((filter, now), out var cached))
        {
            return cached;
        }

        var result = Build(filter, now);
        lock (_gate)
        {
            if (now > _latest || _cachedItems + result.Length > CachedItemLimit)
            {
                _cache.Clear();
                _cachedItems = 0;
                _latest = Math.Max(_latest, now);
            }

            if (now == _latest && _cache.TryAdd((filter, now), result))
            {
                _cachedItems += result.Length;
            }
        }

        return result;
    }

    private int[] Build(PostFilter filter, int now)
    {
        if (filter.Topic == PostFilter.UnknownTopic)
        {
            return [];
        }

        var candidates = filter.FeaturedOnly ? FeaturedCandidates(filter, now) : ScheduledCandidates(filter, now);
        if (filter.Url is not null || filter.TwitterUrl is not null)
        {
            candidates =
            [
                .. candidates.Where(p =>
                    (
                        filter.Url is null
                        || string.Equals(world.PostProductWebsite(p), filter.Url, StringComparison.OrdinalIgnoreCase)
                    )
                    && (
                        filter.TwitterUrl is null
                        || string.Equals(world.PostTwitterUrl(p), filter.TwitterUrl, StringComparison.OrdinalIgnoreCase)
                    )
                ),
            ];
        }

        Order(candidates, filter, now);
        return candidates;
    }

    /// <summary>Visible posts in scheduledAt order (ascending index), restricted by bounds and topic.</summary>
    private int[] ScheduledCandidates(PostFilter filter, int now)
    {
        var lo = filter.After is int after ? world.FirstPostAtOrAfter(after) : 0;
        var upper = filter.Before is int before ? Math.Min(before, now) : now;
        var hi = world.VisiblePostCount(upper);
        if (hi <= lo)
        {
            return [];
        }

        if (filter.Topic < 0)
        {
            var all = new int[hi - lo];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = lo + i;
            }

            return all;
        }

        var list = world.PostsOfTopic(filter.Topic);
        var start = LowerBound(list, lo);
        var end = LowerBound(list, hi);
        return list[start..end].ToArray();
    }

    /// <summary>Posts featured by <paramref name="now"/>, in featuredAt order, restricted by bounds and topic.</summary>
    private int[] FeaturedCandidates(PostFilter filter, int now)
    {
        var order = world.FeaturedOrder;
        var posts = world.Posts;
        var lo = filter.After is int after ? FirstFeaturedAtOrAfter(after) : 0;
        var upper = filter.Before is int before ? Math.Min(before, now) : now;
        var hi = upper == int.MaxValue ? order.Length : FirstFeaturedAtOrAfter(upper + 1);
        if (hi <= lo)
        {
            return [];
        }

        var result = new List<int>(hi - lo);
        for (var i = lo; i < hi; i++)
        {
            var p = order[i];
            if (posts[p].ScheduledAt > now)
            {
                continue;
            }

            if (filter.Topic >= 0 && !world.TopicsOf(p).Contains(filter.Topic))
            {
                continue;
            }

            result.Add(p);
        }

        return [.. result];
    }

    private int FirstFeaturedAtOrAfter(int bound)
    {
        var order = world.FeaturedOrder;
        var posts = world.Posts;
        int lo = 0,
            hi = order.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (posts[order[mid]].FeaturedAt < bound)
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

    private static int LowerBound(ReadOnlySpan<int> list, int value)
    {
        int lo = 0,
            hi = list.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid] < value)
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

    private void Order(int[] candidates, PostFilter filter, int now)
    {
        var posts = world.Posts;
        switch (filter.Order)
        {
            case PostsOrder.Newest:
                if (filter.FeaturedOnly)
                {
                    Array.Sort(candidates);
                }

                Array.Reverse(candidates);
                break;

            case PostsOrder.FeaturedAt:
                if (filter.FeaturedOnly)
                {
                    Array.Reverse(candidates);
                    break;
                }

                var featuredKeys = new (long Featured, ulong Tie, int Index)[candidates.Length];
                for (var i = 0; i < candidates.Length; i++)
                {
                    var p = candidates[i];
                    var featured = world.FeaturedAtAsOf(p, now);
                    featuredKeys[i] =
                        featured != 0
                            ? (-(long)featured, ~SeedMix.Hash(world.Seed, 19, posts[p].Id), 0)
                            : (long.MaxValue, 0, -p);
                }

                Array.Sort(featuredKeys, candidates);
                break;

            case PostsOrder.Votes:
                var voteKeys = new long[candidates.Length];
                for (var i = 0; i < candidates.Length; i++)
                {
                    var p = candidates[i];
                    voteKeys[i] = -(((long)world.PostVotesAt(p, now) << 32) | (uint)posts[p].Id);
                }

                Array.Sort(voteKeys, candidates);
                break;

            case PostsOrder.Ranking:
                var rankKeys = new (long Day, long Score)[candidates.Length];
                for (var i = 0; i < candidates.Length; i++)
                {
                    var p = candidates[i];
                    var featured = world.FeaturedAtAsOf(p, now);
                    var day = featured == 0 ? long.MaxValue : -(long)(featured / 86_400);
                    rankKeys[i] = (day, -(((long)world.PostVotesAt(p, now) << 32) | (uint)posts[p].Id));
                }

                Array.Sort(rankKeys, candidates);
                break;
        }
    }
}
