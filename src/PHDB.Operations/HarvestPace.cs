namespace PHDB.Operations;

/// <summary>What the current run got through over a span this process watched it run.</summary>
/// <param name="Points">
/// The complexity of the pages committed within the span (see <see cref="PHDB.Grains.Harvest.PartitionProgress.Points"/>):
/// a page of 20 votes and a page of a 2-reply thread are not the same work, their complexity tells them apart.
/// </param>
/// <param name="Span">How long the run was watched running.</param>
/// <param name="SubjectsDone">
/// By how much the posts, collections and users with work left went down within the span (their nested pages read).
/// </param>
public sealed record HarvestPace(long Points, TimeSpan Span, long SubjectsDone = 0)
{
    /// <summary>Points per second.</summary>
    public double PointsPerSecond => Span > TimeSpan.Zero ? Points / Span.TotalSeconds : 0;

    /// <summary>Points each subject with work left took, if subjects were seen to finish.</summary>
    public double? PointsPerSubject => SubjectsDone > 0 && Points > 0 ? (double)Points / SubjectsDone : null;
}
