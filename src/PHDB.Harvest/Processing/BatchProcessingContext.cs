namespace PHDB.Harvest.Processing;

/// <summary>What processors of one batch share: the findings they record.</summary>
public sealed class BatchProcessingContext
{
    private readonly List<QualityFinding> findings = [];

    /// <summary>Findings recorded so far, in order.</summary>
    public IReadOnlyList<QualityFinding> Findings => findings;

    /// <summary>Records a finding.</summary>
    public void Record(QualityFinding finding) => findings.Add(finding);
}
