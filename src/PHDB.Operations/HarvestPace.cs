namespace PHDB.Operations;

/// <summary>What the current run got through over a span this process watched it run.</summary>
/// <param name="Pages">Pages committed within the span.</param>
/// <param name="Span">How long the run was watched running.</param>
/// <param name="SubjectsDone">
/// By how much the posts, collections and users with work left went down within the span (their nested pages read).
/// </param>
public sealed record HarvestPace(long Pages, TimeSpan Span, long SubjectsDone = 0)
{
    /// <summary>Pages per second.</summary>
    public double PagesPerSecond => Span > TimeSpan.Zero ? Pages / Span.TotalSeconds : 0;

    /// <summary>Pages each subject with work left took, if subjects were seen to finish.</summary>
    public double? PagesPerSubject => SubjectsDone > 0 && Pages > 0 ? (double)Pages / SubjectsDone : null;
}
