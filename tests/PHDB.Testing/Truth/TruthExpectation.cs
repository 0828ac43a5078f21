using PHDB.Domain;

namespace PHDB.Testing.Truth;

/// <summary>
/// Maps the truth to the rows a complete, correct harvest leaves in the database; the mapping decisions are listed
/// on <see cref="TruthComparison"/>.
/// </summary>
internal static class TruthExpectation
{
    public static ComparedSets Build(SimulatorTruth truth, TruthComparisonOptions options, Func<long, bool> disclosed)
    {
        var text = options.StoredText;
        string PartyOf(long userId) => disclosed(userId) ? Party.User(userId) : Party.Redacted;

        var sets = new ComparedSets();
        foreach (var p in truth.Posts)
        {
            sets.Posts[p.Id] = new PostRow(
                text(p.Name),
                p.Slug,
                text(p.Tagline),
                p.VotesCount,
                p.CommentsCount,
                p.ReviewsCount,
                p.ReviewsRating,
                p.CreatedAt,
                p.FeaturedAt,
                PartyOf(p.UserId)
            );
        }

        foreach (var t in truth.Topics)
        {
            sets.Topics[t.Id] = new TopicRow(text(t.Name), t.Slug, t.CreatedAt, t.FollowersCount, t.PostsCount);
        }

        foreach (var c in truth.Collections)
        {
            sets.Collections[c.Id] = new CollectionRow(
                text(c.Name),
                c.CreatedAt,
                c.FeaturedAt,
                c.FollowersCount,
                PartyOf(c.UserId)
            );
        }

        foreach (var c in truth.Comments)
        {
            sets.Comments[c.Id] = new CommentRow(c.PostId, c.ParentId, c.CreatedAt, c.VotesCount, PartyOf(c.UserId));
        }

        foreach (var v in truth.Votes)
        {
            sets.Votes[v.Id] = new VoteRow(Subject(v.SubjectType, v.SubjectId), v.CreatedAt, PartyOf(v.UserId));
        }

        foreach (var link in truth.PostTopics)
        {
            sets.PostTopics[(link.PostId, link.TopicId)] = LinkRow.Plain;
        }

        foreach (var makers in truth.PostMakers.GroupBy(m => m.PostId))
        {
            var redacted = 0;
            foreach (var maker in makers)
            {
                if (disclosed(maker.UserId))
                {
                    sets.PostMakers[(makers.Key, maker.UserId)] = LinkRow.Plain;
                }
                else
                {
                    redacted++;
                }
            }

            if (redacted > 0)
            {
                sets.PostMakers[(makers.Key, 0)] = new LinkRow(redacted);
            }
        }

        foreach (var link in truth.CollectionPosts)
        {
            sets.CollectionPosts[(link.CollectionId, link.PostId)] = LinkRow.Plain;
        }

        var referenced = truth
            .Posts.Select(p => p.UserId)
            .Concat(truth.PostMakers.Select(m => m.UserId))
            .Concat(truth.Comments.Select(c => c.UserId))
            .Concat(truth.Votes.Select(v => v.UserId))
            .Concat(truth.Collections.Select(c => c.UserId))
            .Where(disclosed)
            .ToHashSet();
        foreach (var u in truth.Users.Where(u => referenced.Contains(u.Id)))
        {
            sets.Users[u.Id] = new UserRow(u.Username, text(u.Name), u.CreatedAt, u.IsMaker);
        }

        return sets;
    }

    /// <summary>A vote's subject as compared: kind and id.</summary>
    public static string Subject(VoteSubject kind, long id) =>
        $"{kind} {id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
