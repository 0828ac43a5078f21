using PHDB.Extensibility;

namespace PHDB.Harvest.Plugins;

/// <summary>A processor found in a plugin folder, or why a plugin could not be used.</summary>
/// <param name="Name">The processor's name, or the plugin folder's when it failed to load.</param>
/// <param name="Version">The plugin assembly's version.</param>
/// <param name="Priority">The processor's priority.</param>
/// <param name="Path">The plugin's assembly.</param>
/// <param name="Processor">The processor, if it loaded.</param>
/// <param name="Error">Why it did not load, if it did not.</param>
public sealed record ProcessorPluginLoad(
    string Name,
    string Version,
    int Priority,
    string Path,
    IHarvestProcessor? Processor,
    string? Error
)
{
    /// <summary>A plugin that could not be used.</summary>
    public static ProcessorPluginLoad Failed(string name, string path, string error) =>
        new(name, "", 0, path, null, error);
}
