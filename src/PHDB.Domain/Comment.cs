namespace PHDB.Domain;

/// <summary>A comment on a post; a reply has a parent comment.</summary>
public sealed record Comment(
    long Id,
    long PostId,
    long? ParentId,
    string Body,
    string Url,
    DateTimeOffset CreatedAt,
    int VotesCount,
    UserRef Author,
    DateTimeOffset ObservedAt
);
