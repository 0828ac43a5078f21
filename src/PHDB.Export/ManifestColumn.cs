namespace PHDB.Export;

/// <summary>A column in <c>manifest.json</c>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its type (<c>bigint</c>, <c>integer</c>, <c>double</c>, <c>boolean</c>, <c>timestamp</c>, <c>date</c>, <c>text</c>).</param>
/// <param name="Nullable">Whether it can be empty.</param>
public sealed record ManifestColumn(string Name, string Type, bool Nullable);
