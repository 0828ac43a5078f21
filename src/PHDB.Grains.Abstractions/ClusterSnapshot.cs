namespace PHDB.Grains;

/// <summary>The cluster's silos at one moment, dead ones included, newest first.</summary>
[GenerateSerializer, Immutable, Alias("phdb.ClusterSnapshot")]
public sealed record ClusterSnapshot(
    [property: Id(0)] DateTimeOffset TakenAt,
    [property: Id(1)] IReadOnlyList<SiloStatusEntry> Silos
)
{
    /// <summary>How many silos are active.</summary>
    public int ActiveSilos => Silos.Count(s => s.IsActive);
}
