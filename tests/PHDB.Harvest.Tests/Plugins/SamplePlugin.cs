using PHDB.Testing;

namespace PHDB.Harvest.Tests.Plugins;

/// <summary>
/// A plugins folder holding the sample keyword tagger as a user drops it in: its build output copied into a subfolder
/// named as its assembly. Deleted on dispose.
/// </summary>
internal sealed class SamplePlugin : IDisposable
{
    public const string Name = "PHDB.Samples.KeywordTagger";

    private readonly TemporaryDirectory folder = new("phdb-plugins-");

    public SamplePlugin()
    {
        var built = BuildOutput.Of(Name, "samples");
        var target = System.IO.Directory.CreateDirectory(System.IO.Path.Join(folder.Path, Name));
        foreach (var file in System.IO.Directory.GetFiles(built))
        {
            File.Copy(file, System.IO.Path.Join(target.FullName, System.IO.Path.GetFileName(file)));
        }
    }

    /// <summary>The plugins folder (<c>Harvest:Plugins:Directory</c>).</summary>
    public string Directory => folder.Path;

    /// <summary>The sample's own folder inside it.</summary>
    public string PluginFolder => System.IO.Path.Join(folder.Path, Name);

    public void Dispose() => folder.Dispose();
}
