using PHDB.Grains.Harvest;

namespace PHDB.Operations;

/// <summary>
/// Measures the pace the current run achieves as this process watches it: the complexity of the pages its partitions count, sampled
/// at each view, over about the last <c>span</c>. Only a running run whose partitions are all known is sampled; a new
/// run or a pause starts the measure over, so a resumed run is measured from its resumption.
/// </summary>
public sealed class HarvestPaceWatch(TimeSpan span)
{
    private readonly List<(DateTimeOffset At, long Points, long Pending)> samples = [];
    private long runId = -1;

    /// <summary>The pace over the samples kept, or <see langword="null"/> before two samples a moment apart.</summary>
    public HarvestPace? Current =>
        samples.Count >= 2
            ? new HarvestPace(
                samples[^1].Points - samples[0].Points,
                samples[^1].At - samples[0].At,
                Math.Max(0, samples[0].Pending - samples[^1].Pending)
            )
            : null;

    /// <summary>
    /// The pace over the latest half of the time watched, or <see langword="null"/> before two samples a moment
    /// apart: a run that speeds up (a resumed one bringing its grains back into memory) is measured at the pace it
    /// reached rather than the one it started at.
    /// </summary>
    public HarvestPace? Recent
    {
        get
        {
            if (samples.Count < 2)
            {
                return null;
            }

            var last = samples[^1];
            var middle = last.At - ((last.At - samples[0].At) / 2);
            var start = samples.Last(s => s.At <= middle);
            return new HarvestPace(
                last.Points - start.Points,
                last.At - start.At,
                Math.Max(0, start.Pending - last.Pending)
            );
        }
    }

    /// <summary>Takes in the run as seen at <paramref name="at"/>.</summary>
    public void Observe(HarvestStatus? status, IReadOnlyCollection<PartitionProgress> partitions, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        if (status is not { Phase: HarvestPhase.Running } running || running.RunId != runId)
        {
            // Paused or ended time is no pace; another run is another measure.
            samples.Clear();
            runId = status is { Phase: HarvestPhase.Running } ? status.RunId : -1;
            if (runId < 0)
            {
                return;
            }
        }

        if (partitions.Count != status!.Partitions)
        {
            // Partitions still being read: their sum is not the run's.
            return;
        }

        var points = partitions.Sum(p => p.Points);
        var pending = partitions.Sum(p => (long)p.PendingSubjects);
        if (samples.Count > 0 && (points < samples[^1].Points || at <= samples[^1].At))
        {
            // A partition read back at an older state (a commit that failed) or the same moment again: no sample.
            return;
        }

        samples.Add((at, points, pending));

        // Keep the newest sample at least a span old as the start, so the measure covers the whole span.
        while (samples.Count > 2 && samples[1].At <= at - span)
        {
            samples.RemoveAt(0);
        }
    }
}
