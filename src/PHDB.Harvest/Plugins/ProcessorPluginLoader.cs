using System.Reflection;
using PHDB.Extensibility;

namespace PHDB.Harvest.Plugins;

/// <summary>
/// Finds the processor plugins of a folder: each subfolder <c>Name</c> holding <c>Name.dll</c> is loaded in its own
/// <see cref="PluginLoadContext"/>, and each public class of it implementing <see cref="IHarvestProcessor"/> with a
/// public parameterless constructor becomes a processor. What cannot be loaded is reported, never thrown: one broken
/// plugin does not stop a silo.
/// </summary>
public static class ProcessorPluginLoader
{
    private static readonly AssemblyName Contract = typeof(IHarvestProcessor).Assembly.GetName();

    /// <summary>The plugins of <paramref name="directory"/>, in the order of their folders' names.</summary>
    public static IReadOnlyList<ProcessorPluginLoad> Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var loads = new List<ProcessorPluginLoad>();
        foreach (var folder in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var path = Path.Combine(folder, name + ".dll");
            if (!File.Exists(path))
            {
                loads.Add(ProcessorPluginLoad.Failed(name, path, $"no {name}.dll in {folder}"));
                continue;
            }

            loads.AddRange(LoadAssembly(name, path));
        }

        return loads;
    }

    private static IEnumerable<ProcessorPluginLoad> LoadAssembly(string name, string path)
    {
        Assembly assembly;
        List<Type> types;
        try
        {
            assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
            if (
                assembly.GetReferencedAssemblies().FirstOrDefault(r => r.Name == Contract.Name) is { } contract
                && contract.Version?.Major != Contract.Version?.Major
            )
            {
                return
                [
                    ProcessorPluginLoad.Failed(
                        name,
                        path,
                        $"built against {Contract.Name} {contract.Version}, this PHDB has {Contract.Version}"
                    ),
                ];
            }

            types =
            [
                .. assembly
                    .GetExportedTypes()
                    .Where(t =>
                        t is { IsClass: true, IsAbstract: false }
                        && typeof(IHarvestProcessor).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null
                    )
                    .OrderBy(t => t.FullName, StringComparer.Ordinal),
            ];
        }
        catch (Exception e)
            when (e
                    is BadImageFormatException
                        or FileLoadException
                        or FileNotFoundException
                        or TypeLoadException
                        or ReflectionTypeLoadException
            )
        {
            return [ProcessorPluginLoad.Failed(name, path, $"cannot be loaded: {e.Message}")];
        }

        if (types.Count == 0)
        {
            return [ProcessorPluginLoad.Failed(name, path, $"{name}.dll has no public {nameof(IHarvestProcessor)}")];
        }

        var version = assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return types.Select(type => Create(name, path, version, type));
    }

    private static ProcessorPluginLoad Create(string name, string path, string version, Type type)
    {
        try
        {
            var processor = (IHarvestProcessor)Activator.CreateInstance(type)!;
            return new ProcessorPluginLoad(processor.Name, version, processor.Priority, path, processor, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            return ProcessorPluginLoad.Failed(name, path, $"{type.FullName} could not be created: {cause.Message}");
        }
    }
}
