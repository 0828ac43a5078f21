using System.Diagnostics;

namespace PHDB.Export.Tests.Runner;

/// <summary>A tmpfs of a few hundred kilobytes, to fill up: a real full disk. Mounting needs root (CI runs as root).</summary>
internal sealed class TinyFileSystem : IAsyncDisposable
{
    private TinyFileSystem(string path) => Path = path;

    public string Path { get; }

    public static async Task<TinyFileSystem> MountAsync(string path, string size)
    {
        Assert.SkipUnless(Environment.UserName == "root", "mounting a tmpfs to fill needs root");
        Directory.CreateDirectory(path);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
        return new TinyFileSystem(path);
    }

    public async ValueTask DisposeAsync() => await RunAsync("umount", Path);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed: {error}");
    }
}
