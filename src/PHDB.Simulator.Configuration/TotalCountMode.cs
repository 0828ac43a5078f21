namespace PHDB.Simulator.Configuration;

/// <summary>The two behaviours reported for <c>totalCount</c> on the live API.</summary>
public enum TotalCountMode
{
    /// <summary>The number of all items matching the connection's arguments.</summary>
    Full,

    /// <summary>The number of items on the returned page.</summary>
    PageSize,
}
