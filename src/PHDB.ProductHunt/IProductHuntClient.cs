namespace PHDB.ProductHunt;

/// <summary>The Product Hunt API v2, as PHDB reads it.</summary>
public interface IProductHuntClient
{
    /// <summary>What the client learned of the complexity cap.</summary>
    ComplexityModel Complexity { get; }

    /// <summary>Runs the <c>viewer</c> query: who the token belongs to and the current budget.</summary>
    Task<ViewerInfo> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs one lookup (<see cref="PostLookup"/>, <see cref="UserLookup"/>, …) as its named operation.</summary>
    Task<WorkResult> LookupAsync(WorkItem lookup, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs work items packed into as few requests as the complexity cap allows, splitting adaptively when the server
    /// refuses a pack for complexity. Never waits on the budget: a rate limit, an authentication failure or an open
    /// circuit ends the run and fails the items not yet answered with that error.
    /// </summary>
    Task<PackResult> ExecuteAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) =>
        ExecuteAsync(items, int.MaxValue, cancellationToken);

    /// <summary>
    /// Runs work items as <see cref="ExecuteAsync(IReadOnlyList{WorkItem}, CancellationToken)"/> does, in at most
    /// <paramref name="maxRequests"/> requests: once they were sent, the items left fail with
    /// <see cref="ProductHuntDeferredException"/>, not sent.
    /// </summary>
    Task<PackResult> ExecuteAsync(
        IReadOnlyList<WorkItem> items,
        int maxRequests,
        CancellationToken cancellationToken = default
    );

    /// <summary>How <paramref name="items"/> would be packed into requests now (pages may be shrunk to fit the cap).</summary>
    IReadOnlyList<IReadOnlyList<WorkItem>> Plan(IReadOnlyList<WorkItem> items);
}
