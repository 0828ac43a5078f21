using PHDB.Domain;

namespace PHDB.Storage.Tests;

/// <summary>Deterministic domain objects for tests and the storage benchmark.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 7, 1, 0, TimeSpan.Zero);

    public static User User(long id, string? name = null) =>
        new(
            id,
            name ?? $"User {id}",
            $"user{id}",
            $"Builds things #{id}",
            id % 3 == 0 ? null : $"tw{id}",
            id % 2 == 0 ? null : $"https://example.com/u/{id}",
            $"https://www.producthunt.com/@user{id}",
            T0.AddDays(-1000 + id % 900),
            $"https://ph-avatars.example/{id}.png",
            null,
            id % 2 == 0
        );

    public static Topic Stub(long id) => new(id, $"Topic {id}", $"topic-{id}");

    public static Topic FullTopic(long id, int followers = 100) =>
        new(
            id,
            $"Topic {id}",
            $"topic-{id}",
            $"All about topic {id}",
            $"https://www.producthunt.com/topics/topic-{id}",
            T0.AddYears(-5),
            followers,
            1000 + (int)id,
            $"https://ph-files.example/topic{id}.png"
        );

    public static Post Post(
        long id,
        DateTimeOffset? observedAt = null,
        int votes = 10,
        IReadOnlyList<long>? topics = null,
        UserRef? hunter = null,
        IReadOnlyList<UserRef>? makers = null,
        int media = 2,
        int links = 1,
        string? name = null,
        DateTimeOffset? createdAt = null,
        string? tagline = null
    ) =>
        new(
            id,
            name ?? $"Product {id}",
            $"product-{id}",
            tagline ?? $"The tagline of product {id}",
            id % 2 == 0 ? null : $"Description of product {id}",
            $"https://www.producthunt.com/posts/product-{id}",
            $"https://www.producthunt.com/r/p/{id}",
            votes,
            votes / 10,
            votes / 20,
            4.5,
            createdAt ?? T0.AddHours(id),
            id % 3 == 0 ? null : (createdAt ?? T0.AddHours(id)).AddMinutes(5),
            hunter ?? UserRef.Of(1000 + id % 50),
            makers ?? [UserRef.Of(2000 + id % 100), UserRef.Of(2100 + id % 100)],
            [.. Enumerable.Range(0, media).Select(i => Media(id, i))],
            Media(id, 99),
            [
                .. Enumerable
                    .Range(0, links)
                    .Select(i => new ProductLink(
                        i == 0 ? "website" : "App Store",
                        $"https://www.producthunt.com/r/{id}/{i}"
                    )),
            ],
            topics ?? [id % 7 + 1, id % 11 + 20],
            observedAt ?? T0.AddDays(1)
        );

    public static Media Media(long postId, int i) =>
        i % 4 == 3
            ? new Media("video", $"https://ph-files.example/{postId}/{i}.jpg", $"https://video.example/{postId}/{i}")
            : new Media("image", $"https://ph-files.example/{postId}/{i}.png", null);

    public static Comment Comment(
        long id,
        long postId,
        long? parentId = null,
        UserRef? author = null,
        DateTimeOffset? observedAt = null,
        string? body = null,
        int votes = 1
    ) =>
        new(
            id,
            postId,
            parentId,
            body ?? $"Comment {id} on {postId}",
            $"https://www.producthunt.com/posts/{postId}#comment-{id}",
            T0.AddHours(postId).AddMinutes(id % 600),
            votes,
            author ?? UserRef.Of(3000 + id % 30),
            observedAt ?? T0.AddDays(1)
        );

    public static Vote Vote(long id, VoteSubject subject, long subjectId, UserRef? voter = null) =>
        new(id, subject, subjectId, T0.AddHours(subjectId).AddSeconds(id), voter ?? UserRef.Redacted);

    public static Collection Collection(
        long id,
        IReadOnlyList<long>? topics = null,
        UserRef? curator = null,
        DateTimeOffset? observedAt = null,
        string? name = null
    ) =>
        new(
            id,
            name ?? $"Collection {id}",
            $"Tagline {id}",
            null,
            $"https://www.producthunt.com/collections/{id}",
            T0.AddDays(-id),
            null,
            (int)id,
            null,
            curator ?? UserRef.Of(4000 + id),
            topics,
            observedAt ?? T0.AddDays(1)
        );

    /// <summary>Disclosed users every reference in <paramref name="posts"/> names.</summary>
    public static IReadOnlyList<User> UsersOf(IEnumerable<Post> posts) =>
        [
            .. posts
                .SelectMany(p => p.Makers.Append(p.Hunter))
                .Where(u => u.Id is not null)
                .Select(u => u.Id!.Value)
                .Distinct()
                .Order()
                .Select(id => User(id)),
        ];

    /// <summary>
    /// A realistic page for load tests: <paramref name="count"/> posts from <paramref name="firstId"/>, each with a
    /// hunter, 1–4 makers (some redacted), 2–4 topics out of 300, 1–6 media and 1–3 product links, the users and
    /// topic stubs they reference.
    /// </summary>
    /// <remarks>
    /// With <paramref name="redacted"/> every hunter and maker is redacted and the page carries no users, as the live
    /// API returns them to anyone but the users themselves.
    /// </remarks>
    public static HarvestBatch Page(long firstId, int count, int seed, bool redacted = false)
    {
        var random = new Random(seed);
        var posts = new List<Post>(count);
        for (var id = firstId; id < firstId + count; id++)
        {
            var makers = Enumerable
                .Range(0, random.Next(1, 5))
                .Select(_ => redacted || random.Next(10) == 0 ? UserRef.Redacted : UserRef.Of(random.Next(1, 200_000)))
                .ToList();
            var topics = Enumerable
                .Range(0, random.Next(2, 5))
                .Select(_ => (long)random.Next(1, 300))
                .Distinct()
                .ToList();
            posts.Add(
                Post(
                    id,
                    votes: random.Next(0, 2000),
                    topics: topics,
                    hunter: redacted ? UserRef.Redacted : UserRef.Of(random.Next(1, 200_000)),
                    makers: makers,
                    media: random.Next(1, 7),
                    links: random.Next(1, 4),
                    createdAt: T0.AddMinutes(id)
                )
            );
        }

        return new HarvestBatch
        {
            Posts = posts,
            Users = UsersOf(posts),
            Topics = [.. posts.SelectMany(p => p.TopicIds).Distinct().Order().Select(Stub)],
        };
    }
}
