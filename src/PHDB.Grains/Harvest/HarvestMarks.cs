namespace PHDB.Grains.Harvest;

/// <summary>What completed runs stored, and when they last read each part whole.</summary>
/// <param name="HighWaterMark">The newest post <c>createdAt</c> stored.</param>
/// <param name="NewestTopic">The newest topic <c>createdAt</c> stored.</param>
/// <param name="NewestCollection">The newest collection <c>createdAt</c> stored.</param>
/// <param name="RefreshedAt">When the last completed refresh of recent posts (or full harvest) was planned.</param>
/// <param name="TopicsReadAt">When the last completed whole read of the topics was planned.</param>
/// <param name="CollectionsReadAt">When the last completed whole read of the collections was planned.</param>
/// <param name="SweptAt">When the last completed sweep of all posts' counts (or full harvest) was planned.</param>
/// <param name="CommentsSweptAt">When the last completed sweep that re-read all comments (or full harvest) was planned.</param>
public sealed record HarvestMarks(
    DateTimeOffset? HighWaterMark,
    DateTimeOffset? NewestTopic,
    DateTimeOffset? NewestCollection,
    DateTimeOffset? RefreshedAt,
    DateTimeOffset? TopicsReadAt,
    DateTimeOffset? CollectionsReadAt,
    DateTimeOffset? SweptAt = null,
    DateTimeOffset? CommentsSweptAt = null
);
