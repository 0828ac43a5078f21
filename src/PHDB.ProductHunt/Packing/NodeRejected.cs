namespace PHDB.ProductHunt;

/// <summary>A node the client refused: it broke the schema (a null where non-null, a wrong type) or PHDB's rules.</summary>
/// <param name="Alias">The alias of the work item the node came from.</param>
/// <param name="Path">Where the node sits under the alias (e.g. <c>nodes[3]</c>).</param>
/// <param name="Field">The offending field, relative to the node.</param>
/// <param name="Value">The offending value, when there was one.</param>
/// <param name="Reason">Why it was refused.</param>
public sealed record NodeRejected(string Alias, string Path, string Field, string? Value, string Reason);
