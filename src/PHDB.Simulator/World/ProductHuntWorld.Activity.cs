namespace PHDB.Simulator.World;

/// <content>Comments and votes: addressed by (subject, ordinal) and generated from the seed when asked for.</content>
internal sealed partial class ProductHuntWorld
{
    public const long CommentIdBase = 1_000_000;
    public const long CommentVoteIdBase = 1_000_000_000_000;

    // ---- comments ----

    public long CommentId(int post, int ordinal) => CommentIdBase + CommentBase[post] + ordinal;

    public bool TryFindComment(long id, out int post, out int ordinal)
    {
        post = -1;
        ordinal = -1;
        var global = id - CommentIdBase;
        if (global < 0 || global >= CommentBase[^1])
        {
            return false;
        }

        int lo = 0,
            hi = Posts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (CommentBase[mid] <= global)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        post = lo;
        ordinal = (int)(global - CommentBase[lo]);
        return ordinal < Posts[lo].FinalComments;
    }

    public int CommentCreatedAt(int post, int ordinal) =>
        Posts[post].ScheduledAt + Timeline.CommentOffset(ordinal, Posts[post].FinalComments);

    public bool IsCommentVisible(int post, int ordinal, int now) =>
        IsPostVisible(post, now) && ordinal < PostCommentsAt(post, now);

    /// <summary>The top-level comment a reply answers, or -1 for a top-level comment. Threads are one level deep.</summary>
    public int CommentParent(int post, int ordinal)
    {
        if (ordinal == 0)
        {
            return -1;
        }

        var h = SeedMix.Hash(Seed, 500, Posts[post].Id, ordinal);
        if (SeedMix.Below(h, 100) >= 45)
        {
            return -1;
        }

        var target = SeedMix.Below(h >> 20, ordinal);
        var parent = CommentParent(post, target);
        return parent < 0 ? target : parent;
    }

    /// <summary>The opening maker comment is pinned on some posts.</summary>
    public bool IsCommentSticky(int post, int ordinal) =>
        ordinal == 0 && SeedMix.Below(SeedMix.Hash(Seed, 501, Posts[post].Id), 100) < 40;

    public int CommentAuthor(int post, int ordinal) =>
        ordinal == 0 ? MakersOf(post)[0] : SeedMix.Below(SeedMix.Hash(Seed, 502, Posts[post].Id, ordinal), UserCount);

    public string CommentBody(int post, int ordinal) =>
        ProductCopy.CommentBody(SeedMix.Hash(Seed, 503, Posts[post].Id, ordinal), ordinal == 0);

    public int CommentFinalVotes(int post, int ordinal) =>
        SeedMix.LogNormal(SeedMix.Hash(Seed, 504, Posts[post].Id, ordinal), 0.4, 1.3, 999);

    public int CommentVotesAt(int post, int ordinal, int now) =>
        Timeline.CountAt(
            Timeline.CommentVoteOffset,
            CommentFinalVotes(post, ordinal),
            (long)now - CommentCreatedAt(post, ordinal)
        );

    // ---- votes ----

    public long PostVoteId(int post, int ordinal) => ((long)Posts[post].Id * 100_000) + ordinal + 1;

    public int PostVoteCreatedAt(int post, int ordinal) =>
        Posts[post].ScheduledAt + PostVoteOffsets(post)(ordinal, Posts[post].FinalVotes);

    /// <summary>The offsets of the post's votes: the usual curve, or its burst's (see <see cref="VoteBurst"/>).</summary>
    public Func<int, int, int> PostVoteOffsets(int post) =>
        VoteBursts.Count > 0 && VoteBursts.TryGetValue(post, out var burst) ? burst.Offset : Timeline.PostVoteOffset;

    /// <summary>The post's burst, or <c>null</c>.</summary>
    public VoteBurst? VoteBurstOf(int post) => VoteBursts.GetValueOrDefault(post);

    private long PostVoterShift(int post) => (long)(SeedMix.Hash(Seed, 400, Posts[post].Id) % (ulong)UserCount);

    public int PostVoter(int post, int ordinal) => Voters.Apply(ordinal, PostVoterShift(post));

    /// <summary>The ordinal of the user's vote on the post, or -1 if the user has not voted by <paramref name="now"/>.</summary>
    public int PostVoteOrdinalOf(int user, int post, int now)
    {
        var ordinal = Voters.Invert(user, PostVoterShift(post));
        return ordinal < PostVotesAt(post, now) ? (int)ordinal : -1;
    }

    public static long CommentVoteId(long commentId, int ordinal) =>
        CommentVoteIdBase + (commentId * 1000) + ordinal + 1;

    public int CommentVoteCreatedAt(int post, int comment, int ordinal) =>
        CommentCreatedAt(post, comment) + Timeline.CommentVoteOffset(ordinal, CommentFinalVotes(post, comment));

    private long CommentVoterShift(long commentId) => (long)(SeedMix.Hash(Seed, 401, commentId) % (ulong)UserCount);

    public int CommentVoter(long commentId, int ordinal) => Voters.Apply(ordinal, CommentVoterShift(commentId));

    public bool HasVotedComment(int user, int post, int comment, int now)
    {
        var ordinal = Voters.Invert(user, CommentVoterShift(CommentId(post, comment)));
        return ordinal < CommentVotesAt(post, comment, now);
    }
}
