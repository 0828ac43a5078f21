namespace PHDB.Grains.Harvest;

/// <summary>
/// The nested pages a post still has to have read, estimated from its counts and the pages read so far.
/// </summary>
/// <param name="Pages">Pages left over all its open connections.</param>
/// <param name="Chain">
/// Pages left in its longest connection: each page needs the cursor of the one before, so it takes at least this
/// many requests, one after the other, however many the budget allows at once.
/// </param>
/// <param name="UnreadComments">
/// Comments (replies included) its count announces that were not read yet: each may open a walk of its own (its
/// votes, a long reply thread), which <paramref name="Pages"/> cannot count before the comment is read.
/// </param>
/// <param name="Points">
/// The complexity those pages are expected to cost as aliases of a request: what the budget and the complexity cap
/// are spent on, so a unit in which a run's pace holds whatever mix of pages it reads.
/// </param>
[GenerateSerializer, Immutable, Alias("phdb.PostWorkLeft")]
public sealed record PostWorkLeft(
    [property: Id(0)] int Pages,
    [property: Id(1)] int Chain,
    [property: Id(2)] int UnreadComments = 0,
    [property: Id(3)] long Points = 0
)
{
    /// <summary>No work left.</summary>
    public static PostWorkLeft None { get; } = new(0, 0);

    /// <summary>Whether nested work is open.</summary>
    public bool HasWork => Pages > 0;
}
