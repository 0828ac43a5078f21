namespace PHDB.IntegrationTests.Processes;

/// <summary>
/// Where a PHDB host is built: <c>src/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0</c> of this checkout, in the
/// configuration these tests were built in (the test project references the hosts for build order only).
/// </summary>
internal static class BuildOutput
{
    /// <summary>The folder holding <c>&lt;project&gt;.dll</c>.</summary>
    /// <exception cref="FileNotFoundException">The project is not built.</exception>
    public static string Of(string project)
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
                var built = Path.Join(directory.FullName, "src", project, "bin", configuration, "net10.0");
                return File.Exists(Path.Join(built, project + ".dll"))
                    ? built
                    : throw new FileNotFoundException($"{project} is not built", built);
            }
        }

        throw new InvalidOperationException("PHDB.sln not found above " + AppContext.BaseDirectory);
    }
}
