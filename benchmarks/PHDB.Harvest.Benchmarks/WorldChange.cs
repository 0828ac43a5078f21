using PHDB.Testing.Truth;

namespace PHDB.Harvest.Benchmarks;

/// <summary>What the simulated world did while its clock moved, from its truth before and after.</summary>
/// <param name="NewPosts">Posts launched meanwhile.</param>
/// <param name="NewComments">Comments and replies written meanwhile.</param>
/// <param name="NewVotes">Votes cast meanwhile, on posts and on comments.</param>
/// <param name="PostsWithMovedCounts">Posts launched before whose votes or comments count moved.</param>
/// <param name="PostsEdited">Posts launched before whose text was edited meanwhile.</param>
/// <param name="PostsEditedQuietly">Of <paramref name="PostsEdited"/>, those whose counts did not move.</param>
internal sealed record WorldChange(
    int NewPosts,
    int NewComments,
    int NewVotes,
    int PostsWithMovedCounts,
    int PostsEdited,
    int PostsEditedQuietly
)
{
    public static WorldChange Between(SimulatorTruth before, SimulatorTruth after)
    {
        var earlier = before.Posts.ToDictionary(p => p.Id);
        var kept = after.Posts.Where(p => earlier.ContainsKey(p.Id)).ToList();
        bool Moved(TruthPost p) =>
            earlier[p.Id].VotesCount != p.VotesCount || earlier[p.Id].CommentsCount != p.CommentsCount;
        var edited = kept.Where(p => p.Edited && !earlier[p.Id].Edited).ToList();
        return new WorldChange(
            after.Posts.Count - kept.Count,
            after.Comments.Count - before.Comments.Count,
            after.Votes.Count - before.Votes.Count,
            kept.Count(Moved),
            edited.Count,
            edited.Count(p => !Moved(p))
        );
    }
}
