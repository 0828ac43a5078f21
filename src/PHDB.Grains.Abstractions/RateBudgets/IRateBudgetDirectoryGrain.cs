namespace PHDB.Grains.RateBudgets;

/// <summary>The API applications that have a rate budget (key 0), so the console can list budgets before they move.</summary>
[Alias("phdb.IRateBudgetDirectoryGrain")]
public interface IRateBudgetDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Records that <paramref name="application"/> has a budget (idempotent).</summary>
    [Alias("Register")]
    Task Register(string application);

    /// <summary>Every application with a budget, in the order they appeared.</summary>
    [Alias("GetApplications")]
    Task<IReadOnlyList<string>> GetApplications();
}
