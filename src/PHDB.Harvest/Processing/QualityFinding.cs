namespace PHDB.Harvest.Processing;

/// <summary>Something a quality check found about a harvested entity; the entity is stored all the same.</summary>
/// <param name="Entity">The kind of entity (<c>post</c>, <c>comment</c>, …).</param>
/// <param name="EntityId">Its Product Hunt id.</param>
/// <param name="Check">The check that found it (e.g. <c>featured-before-created</c>).</param>
/// <param name="Detail">What exactly was found, with the offending value.</param>
public sealed record QualityFinding(string Entity, long EntityId, string Check, string Detail);
