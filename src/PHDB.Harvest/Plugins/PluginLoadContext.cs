using System.Reflection;
using System.Runtime.Loader;
using PHDB.Extensibility;

namespace PHDB.Harvest.Plugins;

/// <summary>
/// The load context of one plugin: its own assembly and dependencies, resolved from its folder (its
/// <c>.deps.json</c>), so that two plugins may depend on different versions of a library. The contract assembly is
/// the host's, shared, so that the plugin's processors are the host's <see cref="IHarvestProcessor"/>.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath)
    : AssemblyLoadContext($"plugin:{Path.GetFileNameWithoutExtension(mainAssemblyPath)}")
{
    private static readonly string Contract = typeof(IHarvestProcessor).Assembly.GetName().Name!;

    private readonly AssemblyDependencyResolver resolver = new(mainAssemblyPath);

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, Contract, StringComparison.Ordinal))
        {
            return null;
        }

        return resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
