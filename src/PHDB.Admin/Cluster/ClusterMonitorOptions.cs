using System.ComponentModel.DataAnnotations;

namespace PHDB.Admin.Cluster;

/// <summary>How the console follows the cluster's state (section <c>Admin:Cluster</c>).</summary>
public sealed class ClusterMonitorOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Admin:Cluster";

    /// <summary>
    /// Time between two renewals of the console's subscription to the cluster watch grain. A renewal also
    /// re-subscribes after the grain moved (its silo died), so it bounds how long the console can miss changes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:04:00")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(5);
}
