using PHDB.Simulator.World;

namespace PHDB.Simulator.GraphQL;

/// <summary>Comment lists as the API returns them: top-level comments (sticky first) and replies, newest or most voted first.</summary>
internal static class CommentThreads
{
    public static int[] TopLevel(ProductHuntWorld world, int post, int now, bool byVotes)
    {
        var visible = world.PostCommentsAt(post, now);
        var list = new List<int>();
        for (var j = 0; j < visible; j++)
        {
            if (world.CommentParent(post, j) < 0)
            {
                list.Add(j);
            }
        }

        return Order(world, post, now, list, byVotes, stickyFirst: true);
    }

    public static int[] Replies(ProductHuntWorld world, int post, int parent, int now, bool byVotes)
    {
        var visible = world.PostCommentsAt(post, now);
        var list = new List<int>();
        for (var j = parent + 1; j < visible; j++)
        {
            if (world.CommentParent(post, j) == parent)
            {
                list.Add(j);
            }
        }

        return Order(world, post, now, list, byVotes, stickyFirst: false);
    }

    private static int[] Order(
        ProductHuntWorld world,
        int post,
        int now,
        List<int> list,
        bool byVotes,
        bool stickyFirst
    )
    {
        IOrderedEnumerable<int> ordered = stickyFirst
            ? list.OrderByDescending(j => world.IsCommentSticky(post, j))
            : list.OrderBy(_ => 0);
        ordered = byVotes
            ? ordered.ThenByDescending(j => world.CommentVotesAt(post, j, now)).ThenByDescending(j => j)
            : ordered.ThenByDescending(j => j);
        return [.. ordered];
    }
}
