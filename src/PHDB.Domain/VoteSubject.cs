namespace PHDB.Domain;

/// <summary>What a vote is for.</summary>
public enum VoteSubject
{
    /// <summary>An upvote of a post.</summary>
    Post,

    /// <summary>An upvote of a comment.</summary>
    Comment,
}
