namespace PHDB.Testing;

/// <summary>
/// Where a PHDB project is built: <c>&lt;folder&gt;/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0</c> of this
/// checkout, in the configuration the tests were built in (test projects reference such projects for build order only).
/// </summary>
public static class BuildOutput
{
    /// <summary>The folder holding <c>&lt;project&gt;.dll</c>.</summary>
    /// <param name="project">The project's name, e.g. <c>PHDB.Silo</c>.</param>
    /// <param name="folder">The checkout's folder holding it: <c>src</c> for the hosts, <c>samples</c>.</param>
    /// <exception cref="FileNotFoundException">The project is not built.</exception>
    public static string Of(string project, string folder = "src")
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (File.Exists(Path.Join(directory.FullName, "PHDB.sln")))
            {
                var built = Path.Join(directory.FullName, folder, project, "bin", configuration, "net10.0");
                return File.Exists(Path.Join(built, project + ".dll"))
                    ? built
                    : throw new FileNotFoundException($"{project} is not built", built);
            }
        }

        throw new InvalidOperationException("PHDB.sln not found above " + AppContext.BaseDirectory);
    }
}
