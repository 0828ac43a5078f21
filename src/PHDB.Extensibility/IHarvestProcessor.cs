namespace PHDB.Extensibility;

/// <summary>
/// A processor a plugin adds to the harvest: it reads every batch before it is written and may record findings about
/// its posts and comments. It cannot change what is written: the copy stays equal to the API.
/// </summary>
/// <remarks>
/// A public, non-abstract class with a public parameterless constructor. One instance serves every batch of a silo,
/// possibly from several threads at once: keep it free of shared mutable state, or guard it.
/// </remarks>
public interface IHarvestProcessor
{
    /// <summary>The name the console shows and logs use, e.g. <c>keyword-tagger</c>.</summary>
    string Name { get; }

    /// <summary>Order among the processors: lower runs first (PHDB's own checks run at 500).</summary>
    int Priority { get; }

    /// <summary>
    /// Reads <paramref name="batch"/> and returns what it found. It should return within the silo's configured time
    /// (<c>Harvest:Plugins:Timeout</c>) and stop when <paramref name="cancellationToken"/> is cancelled: past that
    /// time the batch is written without its findings, and the call counts as a failure.
    /// </summary>
    IReadOnlyList<ProcessorFinding> Process(HarvestedBatch batch, CancellationToken cancellationToken);
}
