using Orleans.Concurrency;
using PHDB.Grains.Harvest;

namespace PHDB.Grains.Publishing;

/// <summary>
/// The cluster's publisher (key <c>default</c>): one publication at a time in the whole cluster. When
/// <c>Publishing:Interval</c> is set, a reminder makes a release due and the next completed incremental run
/// publishes it. A publication whose silo was lost is resumed (or marked failed) by the next activation, never
/// published twice.
/// </summary>
[Alias("phdb.IPublicationGrain")]
public interface IPublicationGrain : IGrainWithStringKey
{
    /// <summary>The publisher's state: the running publication, the schedule, the last error.</summary>
    [Alias("GetStatus")]
    Task<PublicationStatus> GetStatus();

    /// <summary>Starts a publication (or a dry run) now unless one is running; answers the state after.</summary>
    /// <param name="dryRun">Export, validate and record the plan; send nothing.</param>
    /// <param name="origin">Who asks: <c>console</c> or <c>dashboard</c>.</param>
    [Alias("PublishNow")]
    Task<PublicationStatus> PublishNow(bool dryRun, string origin);

    /// <summary>Told by the harvest coordinator when a run succeeded; publishes a due scheduled release after an incremental run.</summary>
    [Alias("HarvestSucceeded")]
    [OneWay]
    Task HarvestSucceeded(long runId, HarvestMode mode);
}
