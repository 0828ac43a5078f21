using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PHDB.Domain;
using PHDB.Harvest.Processing;
using PHDB.Storage;
using PHDB.Testing.Truth;

namespace PHDB.Truth.Tests;

/// <summary>
/// Writes the truth into a database the way a complete harvest would: Domain objects as the API shows them (users
/// other than the disclosed ones redacted, topics in full), through the sanitiser and
/// <see cref="HarvestBatchWriter"/>, deliberately in reverse dependency order (votes first, users last) so that every
/// kind of placeholder is created and later filled.
/// </summary>
internal static class TruthLoader
{
    private const int RowsPerBatch = 20_000;

    public static async Task WriteAsync(
        SimulatorTruth truth,
        IReadOnlySet<long> disclosed,
        string connectionString,
        CancellationToken cancellationToken
    )
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var writer = new HarvestBatchWriter(dataSource, NullLogger<HarvestBatchWriter>.Instance);
        var sanitiser = new Sanitiser();
        foreach (var batch in Batches(truth, disclosed))
        {
            await writer.WriteAsync(sanitiser.Process(batch, new BatchProcessingContext()), cancellationToken);
        }
    }

    private static IEnumerable<HarvestBatch> Batches(SimulatorTruth truth, IReadOnlySet<long> disclosed)
    {
        var observedAt = truth.SimulatedNow;
        UserRef As(long userId) => disclosed.Contains(userId) ? UserRef.Of(userId) : UserRef.Redacted;

        foreach (var votes in truth.Votes.Chunk(RowsPerBatch))
        {
            yield return new HarvestBatch
            {
                Votes = [.. votes.Select(v => new Vote(v.Id, v.SubjectType, v.SubjectId, v.CreatedAt, As(v.UserId)))],
            };
        }

        foreach (var comments in truth.Comments.Chunk(RowsPerBatch))
        {
            yield return new HarvestBatch
            {
                Comments =
                [
                    .. comments.Select(c => new Comment(
                        c.Id,
                        c.PostId,
                        c.ParentId,
                        Body: "Comment",
                        Url: $"https://www.producthunt.com/comments/{c.Id}",
                        c.CreatedAt,
                        c.VotesCount,
                        As(c.UserId),
                        observedAt
                    )),
                ],
            };
        }

        yield return new HarvestBatch
        {
            CollectionPosts =
            [
                .. truth
                    .CollectionPosts.GroupBy(l => l.CollectionId)
                    .Select(g => new CollectionPosts(g.Key, [.. g.Select(l => l.PostId)], IsComplete: true)),
            ],
        };

        yield return new HarvestBatch
        {
            Collections =
            [
                .. truth.Collections.Select(c => new Collection(
                    c.Id,
                    c.Name,
                    Tagline: "",
                    Description: null,
                    Url: $"https://www.producthunt.com/collections/{c.Id}",
                    c.CreatedAt,
                    c.FeaturedAt,
                    c.FollowersCount,
                    CoverImage: null,
                    As(c.UserId),
                    TopicIds: null,
                    observedAt
                )),
            ],
        };

        var topicsOf = truth.PostTopics.ToLookup(l => l.PostId, l => l.TopicId);
        var makersOf = truth.PostMakers.ToLookup(m => m.PostId, m => As(m.UserId));
        foreach (var posts in truth.Posts.Chunk(RowsPerBatch))
        {
            yield return new HarvestBatch
            {
                Posts =
                [
                    .. posts.Select(p => new Post(
                        p.Id,
                        p.Name,
                        p.Slug,
                        p.Tagline,
                        p.Description,
                        Url: $"https://www.producthunt.com/posts/{p.Slug}",
                        Website: $"https://www.{p.Slug}.example.com/",
                        p.VotesCount,
                        p.CommentsCount,
                        p.ReviewsCount,
                        p.ReviewsRating,
                        p.CreatedAt,
                        p.FeaturedAt,
                        As(p.UserId),
                        [.. makersOf[p.Id]],
                        Media: [],
                        Thumbnail: null,
                        ProductLinks: [],
                        [.. topicsOf[p.Id]],
                        observedAt
                    )),
                ],
            };
        }

        yield return new HarvestBatch
        {
            Topics =
            [
                .. truth.Topics.Select(t => new Topic(
                    t.Id,
                    t.Name,
                    t.Slug,
                    CreatedAt: t.CreatedAt,
                    FollowersCount: t.FollowersCount,
                    PostsCount: t.PostsCount
                )),
            ],
        };

        // A harvest sees the users something refers to; the disclosed ones among them are stored.
        var seen = truth
            .Posts.Select(p => p.UserId)
            .Concat(truth.PostMakers.Select(m => m.UserId))
            .Concat(truth.Comments.Select(c => c.UserId))
            .Concat(truth.Votes.Select(v => v.UserId))
            .Concat(truth.Collections.Select(c => c.UserId))
            .ToHashSet();
        yield return new HarvestBatch
        {
            Users =
            [
                .. truth
                    .Users.Where(u => disclosed.Contains(u.Id) && seen.Contains(u.Id))
                    .Select(u => new User(
                        u.Id,
                        u.Name,
                        u.Username,
                        Headline: null,
                        TwitterUsername: null,
                        WebsiteUrl: null,
                        Url: $"https://www.producthunt.com/@{u.Username}",
                        u.CreatedAt,
                        ProfileImage: null,
                        CoverImage: null,
                        u.IsMaker
                    )),
            ],
        };
    }
}
