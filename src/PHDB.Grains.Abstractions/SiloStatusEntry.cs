namespace PHDB.Grains;

/// <summary>One silo as the membership table and the silo itself report it.</summary>
[GenerateSerializer, Immutable, Alias("phdb.SiloStatusEntry")]
public sealed record SiloStatusEntry(
    [property: Id(0)] string Address,
    [property: Id(1)] string Name,
    [property: Id(2)] string HostName,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset? LastAliveAt,
    [property: Id(6)] int? GrainActivations
)
{
    /// <summary>Whether the silo is an active member of the cluster.</summary>
    public bool IsActive => Status == "Active";
}
