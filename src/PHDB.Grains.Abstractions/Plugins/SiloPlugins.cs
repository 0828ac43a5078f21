namespace PHDB.Grains.Plugins;

/// <summary>One silo's processor plugins as it last reported them.</summary>
/// <param name="Silo">The silo's name.</param>
/// <param name="ReportedAt">When it reported.</param>
/// <param name="Plugins">Its plugins, loaded or not.</param>
[GenerateSerializer, Immutable, Alias("phdb.SiloPlugins")]
public sealed record SiloPlugins(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTimeOffset ReportedAt,
    [property: Id(2)] IReadOnlyList<PluginReport> Plugins
);
