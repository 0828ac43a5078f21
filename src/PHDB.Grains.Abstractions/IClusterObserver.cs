namespace PHDB.Grains;

/// <summary>Receives the cluster's state whenever it changes.</summary>
[Alias("phdb.IClusterObserver")]
public interface IClusterObserver : IGrainObserver
{
    /// <summary>The cluster now.</summary>
    [Alias("ClusterChanged")]
    void ClusterChanged(ClusterSnapshot snapshot);
}
