using PHDB.Domain;

namespace PHDB.ProductHunt;

/// <summary>What a packed execution brought back, item by item in the order given.</summary>
/// <param name="Results">One result per item, in the order of the items.</param>
/// <param name="Budget">The budget the last answer reported, when any answer came.</param>
/// <param name="Requests">Requests that got an answer (each cost budget points), including those refused for complexity.</param>
/// <param name="Attempts">HTTP attempts including retries.</param>
/// <param name="Splits">Times a pack was refused for complexity and split or shrunk.</param>
public sealed record PackResult(
    IReadOnlyList<WorkResult> Results,
    RateLimitSnapshot? Budget,
    int Requests,
    int Attempts,
    int Splits
)
{
    /// <summary>All entities of the successful items as one batch.</summary>
    public HarvestBatch ToBatch()
    {
        var ok = Results.Where(r => r.Succeeded).Select(r => r.Batch).ToList();
        return new HarvestBatch
        {
            Users = [.. ok.SelectMany(b => b.Users)],
            Topics = [.. ok.SelectMany(b => b.Topics)],
            Posts = [.. ok.SelectMany(b => b.Posts)],
            Collections = [.. ok.SelectMany(b => b.Collections)],
            CollectionPosts = [.. ok.SelectMany(b => b.CollectionPosts)],
            Comments = [.. ok.SelectMany(b => b.Comments)],
            Votes = [.. ok.SelectMany(b => b.Votes)],
        };
    }
}
