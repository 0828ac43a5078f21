using PHDB.Domain;

namespace PHDB.Harvest.Tests.Processing;

internal static class Samples
{
    public static readonly DateTimeOffset Created = new(2024, 3, 1, 8, 1, 0, TimeSpan.Zero);

    public static Post Post(long id = 1) =>
        new(
            id,
            Name: "Acme",
            Slug: "acme",
            Tagline: "Rockets for everyone",
            Description: "Launch <b>today</b>",
            Url: "https://www.producthunt.com/posts/acme?utm_source=phdb&utm_medium=api",
            Website: "https://acme.example/?ref=ph&utm_campaign=launch",
            VotesCount: 10,
            CommentsCount: 2,
            ReviewsCount: 0,
            ReviewsRating: 0,
            CreatedAt: Created,
            FeaturedAt: Created.AddHours(1),
            Hunter: UserRef.Redacted,
            Makers: [UserRef.Redacted],
            Media: [],
            Thumbnail: null,
            ProductLinks: [new ProductLink("website", "https://acme.example/?utm_source=x")],
            TopicIds: [],
            ObservedAt: Created.AddDays(1)
        );
}
