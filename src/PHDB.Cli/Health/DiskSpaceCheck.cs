using System.Globalization;

namespace PHDB.Cli.Health;

/// <summary>Free space where PHDB keeps its data: warn under 5 GB, fail under 1 GB.</summary>
internal static class DiskSpaceCheck
{
    public const long WarnBelow = 5_000_000_000;
    public const long FailBelow = 1_000_000_000;

    /// <summary>The verdict for <paramref name="freeBytes"/> free at <paramref name="path"/>.</summary>
    public static (HealthState State, string Message) Evaluate(string path, long freeBytes)
    {
        var free = string.Create(CultureInfo.InvariantCulture, $"{freeBytes / 1e9:0.0} GB free at {path}");
        return freeBytes < FailBelow ? (HealthState.Fail, $"{free}: under 1 GB, writes will fail soon")
            : freeBytes < WarnBelow ? (HealthState.Warn, $"{free}: under 5 GB")
            : (HealthState.Pass, free);
    }

    /// <summary>Checks the file system holding <paramref name="path"/> (or its nearest existing parent).</summary>
    public static (HealthState State, string Message) Check(string path)
    {
        var existing = new DirectoryInfo(path);
        while (existing is { Exists: false })
        {
            existing = existing.Parent;
        }

        if (existing is null)
        {
            return (HealthState.Fail, $"{path} has no existing parent folder");
        }

        return Evaluate(path, new DriveInfo(existing.FullName).AvailableFreeSpace);
    }
}
