using System.Globalization;
using PHDB.Domain;
using PHDB.ProductHunt;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Benchmarks;

/// <summary>
/// The fewest requests that can carry a world's rows under a complexity cap: every connection is read in pages of at
/// most 20 sized to the rows it holds (as counts already known to a harvest allow), each page charged the graphql-ruby
/// way for the client's own selections: <c>L + 1 + k × (1 + f) + 3 + 1</c> for a page of <c>k</c> items whose
/// selection costs <c>f</c>, with <c>L</c> the lookup of its subject (2: the field and its <c>id</c>; 0 for a root
/// listing), 1 for the connection, 3 for <c>pageInfo { endCursor hasNextPage }</c> and 1 for <c>totalCount</c>. Empty
/// connections cost nothing. Comments are read without nested replies; each comment with replies has its own
/// connection. The floor is the summed complexity divided by the cap, rounded up.
/// </summary>
internal sealed class ComplexityFloor
{
    private const int MaxPage = 20;

    private ComplexityFloor(IReadOnlyDictionary<string, long> points) => Points = points;

    /// <summary>Complexity points per kind of connection, named as the simulator counts them (<c>post.votes</c>).</summary>
    public IReadOnlyDictionary<string, long> Points { get; }

    /// <summary>All points.</summary>
    public long Total => Points.Values.Sum();

    /// <summary>The fewest requests under <paramref name="cap"/>.</summary>
    public long Requests(int cap) => (Total + cap - 1) / cap;

    /// <summary>Computes the floor of the world described by <paramref name="truth"/>.</summary>
    public static ComplexityFloor Of(SimulatorTruth truth)
    {
        var postVotes = truth.Votes.Where(v => v.SubjectType == VoteSubject.Post).CountBy(v => v.SubjectId);
        var commentVotes = truth.Votes.Where(v => v.SubjectType == VoteSubject.Comment).CountBy(v => v.SubjectId);
        var topLevel = truth.Comments.Where(c => c.ParentId is null).CountBy(c => c.PostId);
        var replies = truth.Comments.Where(c => c.ParentId is not null).CountBy(c => c.ParentId!.Value);
        var collectionPosts = truth.CollectionPosts.CountBy(c => c.CollectionId);
        return new ComplexityFloor(
            new Dictionary<string, long>
            {
                ["posts"] = Connection(Root("posts", "PostFields"), truth.Posts.Count),
                ["post.votes"] = Connections(Nested("post", "votes", "VoteFields"), postVotes),
                ["post.comments"] = Connections(Nested("post", "comments", "CommentFields"), topLevel),
                ["comment.replies"] = Connections(Nested("comment", "replies", "CommentFields"), replies),
                ["comment.votes"] = Connections(Nested("comment", "votes", "VoteFields"), commentVotes),
                ["collection.posts"] = Connections(Nested("collection", "posts", "id"), collectionPosts),
                ["topics"] = Connection(Root("topics", "TopicFields"), truth.Topics.Count),
                ["collections"] = Connection(Root("collections", "CollectionFields"), truth.Collections.Count),
            }
        );
    }

    /// <summary>The complexity of a page of <c>k</c> items of one kind of connection.</summary>
    private sealed class PageCost(Func<int, string> query)
    {
        private readonly Dictionary<int, int> _byItems = [];

        public int Of(int items)
        {
            if (!_byItems.TryGetValue(items, out var cost))
            {
                cost = ComplexityEstimator.Estimate(OperationCatalog.Compose(query(items)), maxPageSize: MaxPage);
                _byItems[items] = cost;
            }

            return cost;
        }
    }

    private static PageCost Root(string field, string fragment) =>
        new(k => Invariant($"query {{ {field}(first: {k}) {{ nodes {{ ...{fragment} }} {Tail} }} }}"));

    private static PageCost Nested(string subject, string field, string selection) =>
        new(k =>
            Invariant(
                $"query {{ {subject}(id: \"1\") {{ id {field}(first: {k}) {{ nodes {{ {Selection(selection)} }} {Tail} }} }} }}"
            )
        );

    private static string Selection(string selection) => char.IsUpper(selection[0]) ? "..." + selection : selection;

    private const string Tail = "pageInfo { ...PageFields } totalCount";

    private static long Connections<TKey>(PageCost page, IEnumerable<KeyValuePair<TKey, int>> rows) =>
        rows.Sum(r => Connection(page, r.Value));

    private static long Connection(PageCost page, int rows)
    {
        long total = 0;
        for (var left = rows; left > 0; left -= MaxPage)
        {
            total += page.Of(Math.Min(MaxPage, left));
        }

        return total;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
