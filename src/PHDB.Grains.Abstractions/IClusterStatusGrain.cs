namespace PHDB.Grains;

/// <summary>Reports the cluster's membership and per-silo activation counts.</summary>
[Alias("phdb.IClusterStatusGrain")]
public interface IClusterStatusGrain : IGrainWithIntegerKey
{
    /// <summary>Reads the membership table and asks each active silo for its activation count.</summary>
    [Alias("GetSnapshot")]
    Task<ClusterSnapshot> GetSnapshot();
}
