using PHDB.Simulator.Configuration;

namespace PHDB.Simulator.World;

/// <summary>Builds a <see cref="ProductHuntWorld"/> from the seed and scale; the same options always give the same world.</summary>
internal static class WorldGenerator
{
    private const int Day = 86_400;
    private static readonly double[] WeekdayWeight = [0.5, 1.0, 1.25, 1.2, 1.1, 0.9, 0.5];

    public static ProductHuntWorld Generate(SimulatorOptions options)
    {
        var seed = SeedMix.Mix((ulong)(uint)options.Seed);
        var startAt = SimInstant.From(options.Clock.Start);
        var firstDay = SimInstant.From(new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero));
        if (startAt <= firstDay + Day)
        {
            throw new InvalidOperationException("Simulator:Clock:Start must be after 2014-01-02.");
        }

        var horizonEnd = startAt + (options.HorizonDays * Day);
        var world = new ProductHuntWorld(seed, options.Scale, startAt, horizonEnd);
        GeneratePosts(world, options, firstDay);
        GenerateVoteBursts(world, options.VoteBursts);
        GenerateTopics(world, options.Topics);
        GenerateCollections(world, options, firstDay);
        return world;
    }

    private static void GeneratePosts(ProductHuntWorld world, SimulatorOptions options, int firstDay)
    {
        var seed = world.Seed;
        var pastDays = (world.StartAt - firstDay) / Day;
        var totalDays = (world.HorizonEnd - firstDay + Day - 1) / Day;
        var weights = new double[totalDays];
        double pastWeight = 0;
        for (var d = 0; d < totalDays; d++)
        {
            var dayStart = firstDay + (d * Day);
            var dow = (int)SimInstant.ToDateTimeOffset(dayStart).DayOfWeek;
            var trend = 0.4 + (1.2 * Math.Min(1.0, (double)d / Math.Max(1, pastDays)));
            weights[d] = trend * WeekdayWeight[dow] * (0.8 + (0.4 * SeedMix.Unit(SeedMix.Hash(seed, 1, d))));
            if (d < pastDays)
            {
                pastWeight += weights[d];
            }
        }

        var perWeight = options.Scale / pastWeight;
        var counts = new int[totalDays];
        double cumulative = 0;
        long assigned = 0;
        for (var d = 0; d < totalDays; d++)
        {
            cumulative += weights[d] * perWeight;
            var target = d == pastDays - 1 ? options.Scale : (long)Math.Floor(cumulative);
            counts[d] = (int)Math.Max(0, target - assigned);
            assigned += counts[d];
        }

        var posts = new PostRecord[assigned];
        var topics = new List<int>((int)(assigned * 2.3));
        var makers = new List<int>((int)(assigned * 1.8));
        var userCap = Math.Min(99_999, world.UserCount / 2);
        var topicCount = options.Topics;
        var nextId = 1000;
        var p = 0;
        var dayTimes = new List<(int Time, ulong Key)>();
        Span<int> chosen = stackalloc int[4];
        for (var d = 0; d < totalDays; d++)
        {
            var dayStart = firstDay + (d * Day);
            var date = SimInstant.ToDateTimeOffset(dayStart);
            var launch = dayStart + (date.Month is >= 4 and <= 10 ? 7 * 3600 : 8 * 3600) + 60;
            dayTimes.Clear();
            for (var k = 0; k < counts[d]; k++)
            {
                var h = SeedMix.Hash(seed, 2, d, k);
                var time = SeedMix.Below(h, 100) < 65 ? launch : dayStart + SeedMix.Below(h >> 8, Day);
                dayTimes.Add((time, SeedMix.Mix(h)));
            }

            dayTimes.Sort();
            var featuredShare = Math.Clamp(0.75 - (0.045 * (date.Year - 2014)), 0.25, 0.75);
            foreach (var (time, _) in dayTimes)
            {
                var idHash = SeedMix.Hash(seed, 3, p);
                nextId += 1 + (SeedMix.Below(idHash, 4) == 0 ? 1 + SeedMix.Below(idHash >> 8, 3) : 0);
                var h = SeedMix.Hash(seed, 4, nextId);
                ref var post = ref posts[p];
                post.Id = nextId;
                post.ScheduledAt = time;
                var featured = SeedMix.Unit(h) < featuredShare;
                post.FeaturedAt =
                    !featured ? 0
                    : SeedMix.Below(h >> 8, 100) < 75 ? time
                    : time + 600 + SeedMix.Below(h >> 16, 8 * 3600);
                post.FinalVotes = featured
                    ? Math.Max(1, SeedMix.LogNormal(SeedMix.Hash(seed, 5, nextId), 4.3, 1.0, userCap))
                    : SeedMix.LogNormal(SeedMix.Hash(seed, 5, nextId), 1.5, 1.1, userCap);
                post.FinalComments = featured
                    ? SeedMix.LogNormal(SeedMix.Hash(seed, 6, nextId), 1.7, 1.0, 3000)
                    : SeedMix.LogNormal(SeedMix.Hash(seed, 6, nextId), 0.0, 1.0, 3000);
                post.EditedAt =
                    SeedMix.Below(SeedMix.Hash(seed, 7, nextId), 100) < 6
                        ? time + 3600 + SeedMix.Below(SeedMix.Hash(seed, 8, nextId), 45 * Day)
                        : 0;

                var makerRoll = SeedMix.Unit(SeedMix.Hash(seed, 9, nextId));
                var makerCount =
                    makerRoll < 0.45 ? 1
                    : makerRoll < 0.75 ? 2
                    : makerRoll < 0.92 ? 3
                    : 4;
                var n = Pick(chosen, makerCount, world.MakerPool, 2.5, SeedMix.Hash(seed, 10, nextId));
                post.MakerStart = makers.Count;
                post.MakerCount = (byte)n;
                for (var i = 0; i < n; i++)
                {
                    makers.Add(world.MakerOfRank(chosen[i]));
                }

                post.HunterIndex =
                    SeedMix.Below(SeedMix.Hash(seed, 15, nextId), 100) < 30
                        ? makers[post.MakerStart]
                        : world.Hunters.Apply(
                            (long)
                                Math.Floor(world.HunterPool * Math.Pow(SeedMix.Unit(SeedMix.Hash(seed, 16, nextId)), 3))
                        );

                var topicRoll = SeedMix.Unit(SeedMix.Hash(seed, 17, nextId));
                var wanted =
                    topicRoll < 0.3 ? 1
                    : topicRoll < 0.65 ? 2
                    : topicRoll < 0.9 ? 3
                    : 4;
                n = Pick(chosen, wanted, topicCount, 2.2, SeedMix.Hash(seed, 18, nextId));
                chosen[..n].Sort();
                post.TopicStart = topics.Count;
                post.TopicCount = (byte)n;
                for (var i = 0; i < n; i++)
                {
                    topics.Add(chosen[i]);
                }

                p++;
            }
        }

        world.Posts = posts;
        world.PostTopics = [.. topics];
        world.PostMakers = [.. makers];

        var featuredList = new List<int>();
        for (var i = 0; i < posts.Length; i++)
        {
            if (posts[i].FeaturedAt != 0)
            {
                featuredList.Add(i);
            }
        }

        var order = featuredList.ToArray();
        var keys = new (int FeaturedAt, ulong Tie)[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            keys[i] = (posts[order[i]].FeaturedAt, SeedMix.Hash(seed, 19, posts[order[i]].Id));
        }

        Array.Sort(keys, order);
        world.FeaturedOrder = order;

        var commentBase = new int[posts.Length + 1];
        for (var i = 0; i < posts.Length; i++)
        {
            commentBase[i + 1] = commentBase[i] + posts[i].FinalComments;
        }

        world.CommentBase = commentBase;
    }

    /// <summary>Picks up to <paramref name="wanted"/> distinct ranks below <paramref name="pool"/>, skewed to low ranks.</summary>
    private static int Pick(Span<int> chosen, int wanted, int pool, double skew, ulong hash)
    {
        wanted = Math.Min(wanted, pool);
        var n = 0;
        for (var attempt = 0; n < wanted && attempt < wanted * 6; attempt++)
        {
            var rank = (int)Math.Floor(pool * Math.Pow(SeedMix.Unit(SeedMix.Mix(hash + (ulong)attempt)), skew));
            if (!chosen[..n].Contains(rank))
            {
                chosen[n++] = rank;
            }
        }

        return n;
    }

    private static void GenerateTopics(ProductHuntWorld world, int count)
    {
        var topics = new TopicRecord[count];
        var bySlug = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var t = 0; t < count; t++)
        {
            var name = ProductCopy.TopicName(t);
            var slug = ProductCopy.Slugify(name);
            topics[t] = new TopicRecord(
                t + 1,
                name,
                slug,
                1 + (t * 3 * 3600) + SeedMix.Below(SeedMix.Hash(world.Seed, 20, t), 3600),
                SeedMix.LogNormal(SeedMix.Hash(world.Seed, 21, t), 7.5, 1.6, 2_000_000)
            );
            bySlug.TryAdd(slug, t);
        }

        var starts = new int[count + 1];
        foreach (var topic in world.PostTopics)
        {
            starts[topic + 1]++;
        }

        for (var t = 0; t < count; t++)
        {
            starts[t + 1] += starts[t];
        }

        var fill = (int[])starts.Clone();
        var list = new int[world.PostTopics.Length];
        for (var p = 0; p < world.Posts.Length; p++)
        {
            foreach (var topic in world.TopicsOf(p))
            {
                list[fill[topic]++] = p;
            }
        }

        world.Topics = topics;
        world.TopicBySlug = bySlug;
        world.TopicPostStart = starts;
        world.TopicPosts = list;
    }

    private static void GenerateCollections(ProductHuntWorld world, SimulatorOptions options, int firstDay)
    {
        var seed = world.Seed;
        var count = Math.Clamp(options.Scale / 5, 20, 50_000);
        var collections = new CollectionRecord[count];
        var members = new List<int>(count * 12);
        var span = (double)(world.HorizonEnd - firstDay - (30 * Day));
        var picked = new HashSet<int>();
        for (var c = 0; c < count; c++)
        {
            var h = SeedMix.Hash(seed, 30, c);
            ref var collection = ref collections[c];
            collection.Id = 100 + (2 * c) + (int)(h & 1);
            collection.CreatedAt = firstDay + (30 * Day) + (int)((c + SeedMix.Unit(h >> 1)) * span / count);
            collection.UserIndex = world.Hunters.Apply(
                (long)Math.Floor(world.UserCount / 20.0 * Math.Pow(SeedMix.Unit(SeedMix.Hash(seed, 31, c)), 2))
            );
            collection.Published = SeedMix.Below(SeedMix.Hash(seed, 32, c), 100) < 92;
            collection.FeaturedAt =
                SeedMix.Below(SeedMix.Hash(seed, 33, c), 100) < 18
                    ? collection.CreatedAt + (Day * (1 + SeedMix.Below(SeedMix.Hash(seed, 34, c), 30)))
                    : 0;
            collection.Followers = SeedMix.LogNormal(SeedMix.Hash(seed, 35, c), 2.0, 1.5, 100_000);
            var available = world.VisiblePostCount(collection.CreatedAt);
            var wanted =
                available == 0
                    ? 0
                    : Math.Min(
                        available,
                        3 + (int)Math.Floor(37 * Math.Pow(SeedMix.Unit(SeedMix.Hash(seed, 36, c)), 3))
                    );
            picked.Clear();
            for (var attempt = 0; picked.Count < wanted && attempt < wanted * 4; attempt++)
            {
                var u = SeedMix.Unit(SeedMix.Hash(seed, 37, c, attempt));
                picked.Add((int)Math.Floor(available * (1 - (u * u))));
            }

            var sorted = picked.Where(i => i < available).Order().ToArray();
            collection.PostStart = members.Count;
            collection.PostCount = sorted.Length;
            members.AddRange(sorted);
        }

        world.Collections = collections;
        world.CollectionPosts = [.. members];

        var starts = new int[world.Posts.Length + 1];
        foreach (var post in world.CollectionPosts)
        {
            starts[post + 1]++;
        }

        for (var p = 0; p < world.Posts.Length; p++)
        {
            starts[p + 1] += starts[p];
        }

        var fill = (int[])starts.Clone();
        var list = new int[world.CollectionPosts.Length];
        for (var c = 0; c < count; c++)
        {
            foreach (var post in world.PostsOfCollection(c))
            {
                list[fill[post]++] = c;
            }
        }

        world.PostCollectionStart = starts;
        world.PostCollections = list;
    }

    /// <summary>
    /// Picks the posts with a vote burst from their own hash stream (salt 600), so no other generated value changes:
    /// each eligible post (at least <see cref="VoteBurstOptions.MinVotes"/> final votes) gets one with probability
    /// <see cref="VoteBurstOptions.Share"/>, at a seeded hour and with a seeded fraction of its final votes.
    /// </summary>
    private static void GenerateVoteBursts(ProductHuntWorld world, VoteBurstOptions options)
    {
        var bursts = new Dictionary<int, VoteBurst>();
        if (options.Share > 0)
        {
            for (var p = 0; p < world.Posts.Length; p++)
            {
                ref readonly var post = ref world.Posts[p];
                if (post.FinalVotes < options.MinVotes)
                {
                    continue;
                }

                var h = SeedMix.Hash(world.Seed, 600, post.Id);
                if (SeedMix.Unit(h) >= options.Share)
                {
                    continue;
                }

                var hour = options.FirstHour + SeedMix.Below(SeedMix.Mix(h), options.LastHour - options.FirstHour + 1);
                var fraction =
                    options.MinFraction
                    + ((options.MaxFraction - options.MinFraction) * SeedMix.Unit(SeedMix.Mix(SeedMix.Mix(h))));
                var votes = (int)Math.Round(fraction * post.FinalVotes, MidpointRounding.AwayFromZero);
                bursts[p] = new VoteBurst(hour, votes, post.FinalVotes);
            }
        }

        world.VoteBursts = bursts;
    }
}
