namespace PHDB.Grains.Harvest;

/// <summary>Which connection of the API a crawl task walks.</summary>
public enum CrawlTaskKind
{
    /// <summary>Posts scheduled in a time window (<see cref="CrawlTask.From"/>..<see cref="CrawlTask.To"/>, inclusive).</summary>
    PostsWindow,

    /// <summary>All topics.</summary>
    Topics,

    /// <summary>All collections.</summary>
    Collections,

    /// <summary>The top-level comments of a post (with their first replies).</summary>
    PostComments,

    /// <summary>The replies of a comment beyond those read with it.</summary>
    CommentReplies,

    /// <summary>The votes of a post.</summary>
    PostVotes,

    /// <summary>The votes of a comment.</summary>
    CommentVotes,

    /// <summary>The posts of a collection.</summary>
    CollectionPosts,

    /// <summary>A user the API disclosed (the token's owner) whose profile is not stored yet.</summary>
    User,

    /// <summary>A post a sweep found changed (its counts moved), read again whole by id.</summary>
    Post,

    /// <summary>A comment a lean comments page found changed (its votes count moved), read again whole by id.</summary>
    Comment,
}
