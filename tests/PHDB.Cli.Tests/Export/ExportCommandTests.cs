using System.Diagnostics;
using System.Text.Json;
using PHDB.Testing;

namespace PHDB.Cli.Tests.Export;

/// <summary><c>phdb export</c> as its own process: what it writes, its exit codes, and a kill half-way.</summary>
public sealed class ExportCommandTests(BulkDatabase bulk) : IClassFixture<BulkDatabase>
{
    [Fact]
    public async Task Export_writes_every_format_and_reports_its_files_as_json()
    {
        using var directory = new TemporaryDirectory("phdb-cli-export");
        var output = Path.Join(directory.Path, "out");
        var result = await Phdb("export", "--output", output, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(1_500_000, json.RootElement.GetProperty("tables").GetProperty("votes").GetInt64());
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        foreach (var format in new[] { "csv", "parquet", "sqlite" })
        {
            Assert.Contains(files, f => f.GetProperty("format").GetString() == format);
        }

        Assert.All(files, f => Assert.True(File.Exists(Path.Join(output, f.GetProperty("path").GetString()))));
        Assert.True(File.Exists(Path.Join(output, "manifest.json")));
        Assert.True(File.Exists(Path.Join(output, "README.md")));
        Assert.True(File.Exists(Path.Join(output, "dataset-metadata.json")));
    }

    [Fact]
    public async Task Bad_input_exits_with_its_own_code_in_one_line_and_leaves_nothing()
    {
        using var directory = new TemporaryDirectory("phdb-cli-export");
        var output = Path.Join(directory.Path, "out");

        var format = await Phdb("export", "--format", "xlsx", "--output", output);
        Assert.True(format.ExitCode == 64, format.ToString());
        Assert.Contains("xlsx", format.Error, StringComparison.Ordinal);

        var table = await Phdb("export", "--tables", "posts,nosuch", "--output", output);
        Assert.True(table.ExitCode == 64, table.ToString());
        Assert.Contains("Unknown table 'nosuch'", table.Error, StringComparison.Ordinal);
        Assert.Single(table.Error.Trim().Split('\n'));

        var file = Path.Join(directory.Path, "a-file");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);
        var unwritable = await Phdb("export", "--format", "csv", "--output", Path.Join(file, "out"));
        Assert.True(unwritable.ExitCode == 73, unwritable.ToString());

        Directory.CreateDirectory(output);
        var exists = await Phdb("export", "--format", "csv", "--tables", "topics", "--output", output);
        Assert.True(exists.ExitCode == 73, exists.ToString());
        Assert.Contains("--force", exists.Error, StringComparison.Ordinal);

        var unreachable = await CliProcess.RunAsync(
            [
                "export",
                "--database",
                $"Host=127.0.0.1;Port={LoopbackPort.Next()};Username=x;Password=y",
                "--output",
                Path.Join(directory.Path, "x"),
            ],
            cancellationToken: TestContext.Current.CancellationToken
        );
        Assert.True(unreachable.ExitCode == 69, unreachable.ToString());
        Assert.DoesNotContain("Password=y", unreachable.Error, StringComparison.Ordinal);

        Assert.Equal(
            ["a-file", "out"],
            Directory.EnumerateFileSystemEntries(directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)
        );
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public async Task A_full_disk_exits_74_and_removes_the_unfinished_export()
    {
        Assert.SkipUnless(Environment.UserName == "root", "mounting a tmpfs to fill needs root");
        using var directory = new TemporaryDirectory("phdb-cli-export");
        var tiny = Path.Join(directory.Path, "tiny");
        Directory.CreateDirectory(tiny);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", tiny);
        try
        {
            var full = await Phdb("export", "--output", Path.Join(tiny, "out"));
            Assert.True(full.ExitCode == 74, full.ToString());
            Assert.Contains("disk is full", full.Error, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(tiny));
        }
        finally
        {
            await RunAsync("umount", tiny);
        }
    }

    [Fact]
    public async Task An_export_killed_half_way_leaves_nothing_that_looks_complete_and_the_next_export_removes_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var directory = new TemporaryDirectory("phdb-cli-export");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (
            var argument in new[]
            {
                CliProcess.AssemblyPath,
                "export",
                "--database",
                bulk.ConnectionString,
                "--output",
                Path.Join(directory.Path, "killed"),
            }
        )
        {
            start.ArgumentList.Add(argument);
        }

        using (var export = Process.Start(start)!)
        {
            await Eventually.HoldsAsync(
                () =>
                    Task.FromResult(
                        Directory
                            .EnumerateDirectories(directory.Path, ".partial-killed-*")
                            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
                            .Any(f => new FileInfo(f).Length > 1_000_000)
                    ),
                TimeSpan.FromSeconds(60),
                "the export wrote its first megabyte"
            );
            export.Kill(entireProcessTree: true);
            await export.WaitForExitAsync(cancellation);
        }

        var left = Assert.Single(Directory.EnumerateDirectories(directory.Path));
        Assert.StartsWith(".partial-killed-", Path.GetFileName(left), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Join(left, "manifest.json")));
        Assert.False(Directory.Exists(Path.Join(directory.Path, "killed")));

        var next = await Phdb(
            "export",
            "--format",
            "csv",
            "--tables",
            "topics",
            "--output",
            Path.Join(directory.Path, "next")
        );
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal(["next"], Directory.EnumerateDirectories(directory.Path).Select(Path.GetFileName));
    }

    private Task<CliResult> Phdb(params string[] arguments) =>
        CliProcess.RunAsync(
            [.. arguments, "--database", bulk.ConnectionString],
            timeout: TimeSpan.FromMinutes(5),
            cancellationToken: TestContext.Current.CancellationToken
        );

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
    }
}
