namespace PHDB.Admin.EndToEndTests;

/// <summary>A stored post the tests open in the console.</summary>
/// <param name="Id">Its Product Hunt id.</param>
/// <param name="Name">Its name, as stored.</param>
/// <param name="Snapshots">How many snapshots of its counts are stored (a votes chart needs two).</param>
public sealed record PostReference(long Id, string Name, long Snapshots = 0);
