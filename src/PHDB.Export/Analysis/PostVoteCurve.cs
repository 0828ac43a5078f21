namespace PHDB.Export.Analysis;

/// <summary>A post's votes per hour over its first 7 days, the input of <see cref="VoteSpikeDetector"/>.</summary>
/// <param name="PostId">The post.</param>
/// <param name="LaunchedAt">Its created_at (UTC): hour h starts h hours later.</param>
/// <param name="Votes">Votes per hour since launch, <see cref="Schema.DerivedTables.Hours"/> entries.</param>
/// <param name="Complete">
/// Whether all 168 hours lie before the data's horizon (the newest vote harvested); an incomplete curve is neither
/// tested nor used as a reference.
/// </param>
public sealed record PostVoteCurve(long PostId, DateTime LaunchedAt, IReadOnlyList<int> Votes, bool Complete)
{
    /// <summary>The post's votes in its first 7 days.</summary>
    public int Total { get; } = Votes.Sum();
}
