using PHDB.Storage;

namespace PHDB.Admin.Tests;

/// <summary>Stored read-model records as the reader returns them, for component tests.</summary>
internal static class ReadModels
{
    public static readonly DateTimeOffset T0 = new(2024, 6, 3, 7, 30, 0, TimeSpan.Zero);

    public static UserSummary User(long id, string? name = null) =>
        new(id, name ?? $"Maker {id}", $"maker{id}", $"https://ph-avatars.example/{id}.png");

    public static CommentNode Comment(
        long id,
        string body,
        long? parentId = null,
        UserSummary? author = null,
        bool redacted = false,
        params CommentNode[] replies
    ) => new(id, parentId, body, T0.AddMinutes(id), (int)id % 7, author, redacted, replies);

    public static PostSummary Post(long id, string? name = null, int votes = 10) =>
        new(id, name ?? $"Post {id}", $"post-{id}", $"Tagline {id}", votes, 3, T0.AddDays(-id), null, null);

    public static PostSnapshot Snapshot(DateTimeOffset at, int votes) => new(at, votes, 0, 0);

    public static TopicSummary Topic(
        long id,
        string name,
        long stored,
        int? postsCount = null,
        int? followers = null
    ) => new(id, name, name.ToLowerInvariant().Replace(' ', '-'), null, followers, postsCount, stored);

    public static HarvestRun Run(
        long id,
        DateTimeOffset started,
        DateTimeOffset? finished,
        HarvestOutcome outcome,
        string? error = null
    ) =>
        new(
            id,
            started,
            finished,
            "full",
            outcome,
            new Dictionary<string, long> { ["partitions"] = 13, ["parked"] = 0 },
            error
        );
}
