using System.Globalization;

namespace PHDB.Simulator.World;

/// <summary>
/// The simulated Product Hunt: posts, users, topics, collections, comments and votes, all derived from a seed.
/// Posts, topics and collections are held in compact arrays; users, comments and votes are computed on demand.
/// </summary>
internal sealed partial class ProductHuntWorld
{
    public const string Site = "https://www.producthunt.com";

    internal ProductHuntWorld(ulong seed, int scale, int startAt, int horizonEnd)
    {
        Seed = seed;
        Scale = scale;
        StartAt = startAt;
        HorizonEnd = horizonEnd;
        UserCount = Math.Max(2_000, scale * 3);
        MakerPool = Math.Max(10, UserCount / 4);
        HunterPool = Math.Max(10, UserCount / 10);
        Makers = new Scatter(SeedMix.Hash(seed, 11), UserCount);
        Hunters = new Scatter(SeedMix.Hash(seed, 12), UserCount);
        Voters = new Scatter(SeedMix.Hash(seed, 13), UserCount);
        Followers = new Scatter(SeedMix.Hash(seed, 14), UserCount - 1);
    }

    public ulong Seed { get; }

    public int Scale { get; }

    /// <summary>The simulated instant the world was generated for (the clock's start).</summary>
    public int StartAt { get; }

    /// <summary>The last simulated instant with generated launches.</summary>
    public int HorizonEnd { get; }

    public int UserCount { get; }

    public int MakerPool { get; }

    public int HunterPool { get; }

    public Scatter Makers { get; }

    public Scatter Hunters { get; }

    public Scatter Voters { get; }

    public Scatter Followers { get; }

    public PostRecord[] Posts { get; internal set; } = [];

    public int[] PostTopics { get; internal set; } = [];

    public int[] PostMakers { get; internal set; } = [];

    /// <summary>Featured posts sorted by featuredAt ascending, ties in a seed-derived order (not by id).</summary>
    public int[] FeaturedOrder { get; internal set; } = [];

    public int[] TopicPostStart { get; internal set; } = [];

    public int[] TopicPosts { get; internal set; } = [];

    public TopicRecord[] Topics { get; internal set; } = [];

    public Dictionary<string, int> TopicBySlug { get; internal set; } = [];

    public CollectionRecord[] Collections { get; internal set; } = [];

    public int[] CollectionPosts { get; internal set; } = [];

    public int[] PostCollectionStart { get; internal set; } = [];

    public int[] PostCollections { get; internal set; } = [];

    /// <summary>The seeded vote bursts by post index (see <see cref="VoteBurst"/>).</summary>
    public Dictionary<int, VoteBurst> VoteBursts { get; internal set; } = [];

    /// <summary>Prefix sums of the posts' final comment counts: the comment id space.</summary>
    public int[] CommentBase { get; internal set; } = [];

    public int PostCount => Posts.Length;

    // ---- posts ----

    /// <summary>Number of posts launched at or before <paramref name="now"/> (a prefix of <see cref="Posts"/>).</summary>
    public int VisiblePostCount(int now)
    {
        int lo = 0,
            hi = Posts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Posts[mid].ScheduledAt <= now)
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

    /// <summary>First post index with scheduledAt at or after the bound.</summary>
    public int FirstPostAtOrAfter(int bound)
    {
        int lo = 0,
            hi = Posts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Posts[mid].ScheduledAt < bound)
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

    /// <summary>Post index of an id, or -1.</summary>
    public int PostIndexOfId(long id)
    {
        int lo = 0,
            hi = Posts.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var value = Posts[mid].Id;
            if (value == id)
            {
                return mid;
            }

            if (value < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    public bool IsPostVisible(int index, int now) => index >= 0 && Posts[index].ScheduledAt <= now;

    /// <summary>featuredAt as seen at <paramref name="now"/>, or 0 when not (yet) featured.</summary>
    public int FeaturedAtAsOf(int index, int now)
    {
        var featured = Posts[index].FeaturedAt;
        return featured != 0 && featured <= now ? featured : 0;
    }

    public ulong PostCopyHash(int index) => SeedMix.Hash(Seed, 100, Posts[index].Id);

    public string PostName(int index) => ProductCopy.PostName(PostCopyHash(index));

    public string PostSlug(int index)
    {
        var baseSlug = ProductCopy.Slugify(PostName(index));
        var id = Posts[index].Id.ToString(CultureInfo.InvariantCulture);
        return baseSlug.Length == 0 ? id : $"{baseSlug}-{id}";
    }

    public int PostIndexOfSlug(string slug)
    {
        var dash = slug.LastIndexOf('-');
        var tail = dash < 0 ? slug : slug[(dash + 1)..];
        if (!long.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return -1;
        }

        var index = PostIndexOfId(id);
        return index >= 0 && string.Equals(PostSlug(index), slug, StringComparison.Ordinal) ? index : -1;
    }

    public int PostEditVersion(int index, int now) =>
        Posts[index].EditedAt != 0 && Posts[index].EditedAt <= now ? 1 : 0;

    public string PostTagline(int index, int now) =>
        ProductCopy.Tagline(PostCopyHash(index), PostEditVersion(index, now));

    public string? PostDescription(int index, int now) =>
        ProductCopy.Description(PostCopyHash(index), PostEditVersion(index, now));

    /// <summary>The product's own website, matched by the <c>url</c> filter.</summary>
    public string PostProductWebsite(int index) => $"https://www.{PostSlug(index)}.example.com/";

    /// <summary>The product's Twitter URL, matched by the <c>twitterUrl</c> filter; null for many posts.</summary>
    public string? PostTwitterUrl(int index)
    {
        var h = SeedMix.Hash(Seed, 101, Posts[index].Id);
        return SeedMix.Below(h, 100) < 45
            ? $"https://twitter.com/{ProductCopy.Slugify(PostName(index)).Replace("-", "", StringComparison.Ordinal)}{Posts[index].Id % 1000}"
            : null;
    }

    public int PostVotesAt(int index, int now)
    {
        ref readonly var post = ref Posts[index];
        return Timeline.CountAt(PostVoteOffsets(index), post.FinalVotes, (long)now - post.ScheduledAt);
    }

    public int PostCommentsAt(int index, int now)
    {
        ref readonly var post = ref Posts[index];
        return Timeline.CountAt(Timeline.CommentOffset, post.FinalComments, (long)now - post.ScheduledAt);
    }

    public ReadOnlySpan<int> TopicsOf(int index) => PostTopics.AsSpan(Posts[index].TopicStart, Posts[index].TopicCount);

    public ReadOnlySpan<int> MakersOf(int index) => PostMakers.AsSpan(Posts[index].MakerStart, Posts[index].MakerCount);

    public ReadOnlySpan<int> CollectionsOfPost(int index) =>
        PostCollections.AsSpan(PostCollectionStart[index], PostCollectionStart[index + 1] - PostCollectionStart[index]);

    public int ReviewsCount(int index) =>
        SeedMix.Below(SeedMix.Hash(Seed, 102, Posts[index].Id), 100) < 70
            ? 0
            : SeedMix.LogNormal(SeedMix.Hash(Seed, 103, Posts[index].Id), 1.0, 1.0, 500);

    public double ReviewsRating(int index) =>
        ReviewsCount(index) == 0
            ? 0
            : Math.Round(3.0 + 2.0 * SeedMix.Unit(SeedMix.Hash(Seed, 104, Posts[index].Id)), 2);

    // ---- topics ----

    public ReadOnlySpan<int> PostsOfTopic(int topic) =>
        TopicPosts.AsSpan(TopicPostStart[topic], TopicPostStart[topic + 1] - TopicPostStart[topic]);

    public int TopicPostsCountAt(int topic, int now)
    {
        var list = PostsOfTopic(topic);
        var visible = VisiblePostCount(now);
        int lo = 0,
            hi = list.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid] < visible)
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

    public int TopicIndexOfId(long id) => id >= 1 && id <= Topics.Length ? (int)id - 1 : -1;

    // ---- collections ----

    public int CollectionIndexOfId(long id)
    {
        var index = (id - 100) / 2;
        return id >= 100 && index < Collections.Length && Collections[index].Id == id ? (int)index : -1;
    }

    public bool IsCollectionVisible(int index, int now) =>
        index >= 0 && Collections[index].Published && Collections[index].CreatedAt <= now;

    public ReadOnlySpan<int> PostsOfCollection(int index) =>
        CollectionPosts.AsSpan(Collections[index].PostStart, Collections[index].PostCount);

    public string CollectionName(int index) =>
        ProductCopy.CollectionName(SeedMix.Hash(Seed, 300, Collections[index].Id));

    public string CollectionSlug(int index)
    {
        var baseSlug = ProductCopy.Slugify(CollectionName(index));
        var id = Collections[index].Id.ToString(CultureInfo.InvariantCulture);
        return baseSlug.Length == 0 ? id : $"{baseSlug}-{id}";
    }

    public int CollectionIndexOfSlug(string slug)
    {
        var dash = slug.LastIndexOf('-');
        var tail = dash < 0 ? slug : slug[(dash + 1)..];
        if (!long.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return -1;
        }

        var index = CollectionIndexOfId(id);
        return index >= 0 && string.Equals(CollectionSlug(index), slug, StringComparison.Ordinal) ? index : -1;
    }

    public int CollectionFeaturedAtAsOf(int index, int now)
    {
        var featured = Collections[index].FeaturedAt;
        return featured != 0 && featured <= now ? featured : 0;
    }

    public string CollectionTagline(int index) =>
        ProductCopy.Tagline(SeedMix.Hash(Seed, 301, Collections[index].Id), 0);

    public string? CollectionDescription(int index) =>
        ProductCopy.Description(SeedMix.Hash(Seed, 302, Collections[index].Id), 0);
}
