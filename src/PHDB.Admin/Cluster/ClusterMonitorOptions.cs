using System.ComponentModel.DataAnnotations;

namespace PHDB.Admin.Cluster;

/// <summary>How often the console reads the cluster's state (section <c>Admin:Cluster</c>).</summary>
public sealed class ClusterMonitorOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Admin:Cluster";

    /// <summary>Time between two reads of the membership table.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:10:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}
