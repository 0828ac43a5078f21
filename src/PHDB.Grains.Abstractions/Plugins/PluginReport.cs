namespace PHDB.Grains.Plugins;

/// <summary>A processor plugin as a silo runs it.</summary>
/// <param name="Name">The processor's name (the plugin folder's, if it did not load).</param>
/// <param name="Version">Its assembly's version.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="State"><c>Active</c>, <c>SwitchedOff</c> or <c>NotLoaded</c>.</param>
/// <param name="Batches">Batches it processed.</param>
/// <param name="Failures">Batches written without its findings.</param>
/// <param name="LastError">The latest failure, or why it did not load.</param>
[GenerateSerializer, Immutable, Alias("phdb.PluginReport")]
public sealed record PluginReport(
    [property: Id(0)] string Name,
    [property: Id(1)] string Version,
    [property: Id(2)] int Priority,
    [property: Id(3)] string State,
    [property: Id(4)] long Batches,
    [property: Id(5)] long Failures,
    [property: Id(6)] string? LastError
);
