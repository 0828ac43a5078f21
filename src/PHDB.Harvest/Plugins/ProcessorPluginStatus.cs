namespace PHDB.Harvest.Plugins;

/// <summary>A plugin processor as a silo runs it.</summary>
/// <param name="Name">The processor's name.</param>
/// <param name="Version">Its assembly's version.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="State">Whether it runs.</param>
/// <param name="Batches">Batches it processed.</param>
/// <param name="Failures">Batches written without its findings: it threw, overran its time or broke the contract.</param>
/// <param name="LastError">The latest failure, if any.</param>
public sealed record ProcessorPluginStatus(
    string Name,
    string Version,
    int Priority,
    ProcessorPluginState State,
    long Batches,
    long Failures,
    string? LastError
);
