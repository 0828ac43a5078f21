using System.Security.Cryptography;
using System.Text.Json;
using PHDB.Export.Schema;
using PHDB.Kaggle;
using PHDB.Testing;

namespace PHDB.Export.Tests.Runner;

public sealed class ExportRunnerTests(HarvestedWorld world)
{
    [Fact]
    public async Task An_export_writes_every_table_in_every_format_with_a_data_card_and_a_manifest_written_last()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var directory = new TemporaryDirectory("phdb-export");
        var result = await Runners
            .Create(world.DataSource, directory.Path)
            .RunAsync(ExportRequest.Default, null, cancellation);

        Assert.Equal(Path.Join(directory.Path, result.Name), result.Directory);
        Assert.Equal(result.Name, Path.GetFileName(new DirectoryInfo(Path.Join(directory.Path, "latest")).LinkTarget));
        Assert.Empty(Directory.EnumerateDirectories(directory.Path, ".partial-*"));
        foreach (var table in ExportLayouts.Phdb.Tables)
        {
            Assert.True(result.Tables.ContainsKey(table.Name), $"the export has {table.Name}");
            foreach (var format in ExportFormats.All)
            {
                Assert.Contains(result.Files, f => f.Format == format && f.Tables.ContainsKey(table.Name));
            }
        }

        var manifest = ExportCatalog.ReadManifest(result.Directory)!;
        Assert.Equal(result.Tables, manifest.Tables);
        foreach (var file in manifest.Files)
        {
            var path = Path.Join(result.Directory, file.Path);
            Assert.Equal(file.Bytes, new FileInfo(path).Length);
            await using var stream = File.OpenRead(path);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation)));
        }

        var readme = await File.ReadAllTextAsync(Path.Join(result.Directory, DataCard.ReadmeFile), cancellation);
        Assert.Contains("## Data dictionary", readme, StringComparison.Ordinal);
        Assert.Contains("## Citation", readme, StringComparison.Ordinal);
        Assert.Contains("redacted", readme, StringComparison.Ordinal);
        Assert.True(
            new FileInfo(Path.Join(result.Directory, ExportCatalog.ManifestFile)).LastWriteTimeUtc
                >= new FileInfo(Path.Join(result.Directory, DataCard.ReadmeFile)).LastWriteTimeUtc,
            "the manifest is written after the data card"
        );
    }

    [Fact]
    public async Task The_data_dictionary_names_exactly_the_columns_in_the_files()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var directory = new TemporaryDirectory("phdb-export");
        var result = await Runners
            .Create(world.DataSource, directory.Path)
            .RunAsync(ExportRequest.Default, null, cancellation);
        var readme = await File.ReadAllTextAsync(Path.Join(result.Directory, DataCard.ReadmeFile), cancellation);
        var dictionary = DictionaryColumns(readme);
        foreach (var file in result.Files.Where(f => f.Format == ExportFormats.Csv))
        {
            var header = File.ReadLines(Path.Join(result.Directory, file.Path)).First().Split(',');
            Assert.Equal(dictionary[file.Tables.Keys.Single()], header);
        }

        Assert.Equal(
            ExportLayouts.Phdb.Tables.Select(t => t.Name).Order(StringComparer.Ordinal),
            dictionary.Keys.Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task The_Kaggle_metadata_follows_Kaggles_rules_and_lists_every_file()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var directory = new TemporaryDirectory("phdb-export");
        var result = await Runners
            .Create(world.DataSource, directory.Path)
            .RunAsync(ExportRequest.Default, null, cancellation);
        using var metadata = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Join(result.Directory, DataCard.MetadataFile), cancellation)
        );
        var root = metadata.RootElement;
        Assert.InRange(root.GetProperty("title").GetString()!.Length, 6, 50);
        Assert.InRange(root.GetProperty("subtitle").GetString()!.Length, 20, 80);
        Assert.Matches("^[A-Za-z0-9_-]+/[A-Za-z0-9_-]{3,50}$", root.GetProperty("id").GetString()!);
        var licence = Assert.Single(root.GetProperty("licenses").EnumerateArray());
        Assert.Contains(licence.GetProperty("name").GetString()!, KaggleLicenses.Names);
        var paths = root.GetProperty("resources")
            .EnumerateArray()
            .Select(r => r.GetProperty("path").GetString()!)
            .ToList();
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            result.Files.Select(f => f.Path).Order(StringComparer.Ordinal),
            paths.Order(StringComparer.Ordinal)
        );
        Assert.All(paths, p => Assert.True(File.Exists(Path.Join(result.Directory, p)), $"{p} exists"));
        var kinds = new HashSet<string>(StringComparer.Ordinal)
        {
            "string",
            "integer",
            "numeric",
            "boolean",
            "datetime",
            "id",
            "url",
        };
        foreach (var resource in root.GetProperty("resources").EnumerateArray())
        {
            if (resource.TryGetProperty("schema", out var schema))
            {
                Assert.All(
                    schema.GetProperty("fields").EnumerateArray(),
                    f => Assert.Contains(f.GetProperty("type").GetString()!, kinds)
                );
            }
        }
    }

    [Fact]
    public async Task Retention_keeps_the_newest_exports_and_the_latest_link_follows_the_newest()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var directory = new TemporaryDirectory("phdb-export");
        var runner = Runners.Create(world.DataSource, directory.Path, keep: 2);
        var request = new ExportRequest([ExportFormats.Csv], Tables: ["topics"]);
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            names.Add((await runner.RunAsync(request, null, cancellation)).Name);
        }

        var kept = new ExportCatalog(directory.Path).List();
        Assert.Equal(names.Skip(1).Reverse(), kept.Select(e => e.Name));
        Assert.True(kept[0].IsLatest);
        Assert.False(Directory.Exists(Path.Join(directory.Path, names[0])));
    }

    [Fact]
    public async Task An_existing_output_is_replaced_only_with_force()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var directory = new TemporaryDirectory("phdb-export");
        var output = Path.Join(directory.Path, "mine");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Join(output, "keep.txt"), "mine", cancellation);
        var runner = Runners.Create(world.DataSource, Path.Join(directory.Path, "exports"));

        var refused = await Assert.ThrowsAsync<ExportFailedException>(() =>
            runner.RunAsync(
                new ExportRequest([ExportFormats.Csv], Tables: ["topics"], Output: output),
                null,
                cancellation
            )
        );
        Assert.Equal(ExportFailure.CannotCreate, refused.Failure);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(output, "keep.txt")));

        await runner.RunAsync(
            new ExportRequest([ExportFormats.Csv], Tables: ["topics"], Output: output, Force: true),
            null,
            cancellation
        );
        Assert.False(File.Exists(Path.Join(output, "keep.txt")));
        Assert.True(File.Exists(Path.Join(output, ExportCatalog.ManifestFile)));
        Assert.Equal(["mine"], Directory.EnumerateFileSystemEntries(directory.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("xlsx", "phdb", null, "Unknown format 'xlsx'")]
    [InlineData("csv", "nosuch", null, "Unknown layout 'nosuch'")]
    [InlineData("csv", "phdb", "nosuch", "Unknown table 'nosuch'")]
    public async Task A_request_naming_what_does_not_exist_fails_before_writing_anything(
        string format,
        string layout,
        string? table,
        string message
    )
    {
        using var directory = new TemporaryDirectory("phdb-export");
        var failure = await Assert.ThrowsAsync<ExportFailedException>(() =>
            Runners
                .Create(world.DataSource, directory.Path)
                .RunAsync(
                    new ExportRequest([format], layout, Tables: table is null ? null : [table]),
                    null,
                    TestContext.Current.CancellationToken
                )
        );
        Assert.Equal(ExportFailure.InvalidRequest, failure.Failure);
        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory.Path));
    }

    [Fact]
    public async Task A_named_export_lands_under_its_name_and_a_name_that_is_a_path_is_refused()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var directory = new TemporaryDirectory("phdb-export");
        var runner = Runners.Create(world.DataSource, directory.Path);
        var request = new ExportRequest([ExportFormats.Csv], Tables: ["topics"], Name: "chosen");

        var result = await runner.RunAsync(request, null, cancellation);
        Assert.Equal(Path.Join(directory.Path, "chosen"), result.Directory);

        foreach (var bad in new[] { "../escape", ".hidden", "latest" })
        {
            var failure = await Assert.ThrowsAsync<ExportFailedException>(() =>
                runner.RunAsync(request with { Name = bad }, null, cancellation)
            );
            Assert.Equal(ExportFailure.InvalidRequest, failure.Failure);
        }

        Assert.Equal(
            ["chosen", "latest"],
            Directory.EnumerateFileSystemEntries(directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task A_destination_that_cannot_be_created_is_named_and_nothing_is_left()
    {
        using var directory = new TemporaryDirectory("phdb-export");
        var file = Path.Join(directory.Path, "a-file");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);
        var failure = await Assert.ThrowsAsync<ExportFailedException>(() =>
            Runners
                .Create(world.DataSource, Path.Join(file, "exports"))
                .RunAsync(ExportRequest.Default, null, TestContext.Current.CancellationToken)
        );
        Assert.Equal(ExportFailure.CannotCreate, failure.Failure);
        Assert.Contains(file, failure.Message, StringComparison.Ordinal);
        Assert.Equal([file], Directory.EnumerateFileSystemEntries(directory.Path));
    }

    [Fact]
    public async Task An_unreachable_database_fails_as_such_and_leaves_nothing()
    {
        using var directory = new TemporaryDirectory("phdb-export");
        await using var nowhere = Npgsql.NpgsqlDataSource.Create(
            $"Host=127.0.0.1;Port={LoopbackPort.Next()};Username=x;Password=y;Timeout=2"
        );
        var failure = await Assert.ThrowsAsync<ExportFailedException>(() =>
            Runners
                .Create(nowhere, directory.Path)
                .RunAsync(ExportRequest.Default, null, TestContext.Current.CancellationToken)
        );
        Assert.Equal(ExportFailure.DatabaseUnavailable, failure.Failure);
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory.Path));
    }

    [Fact]
    public async Task A_full_disk_fails_as_such_and_removes_the_unfinished_export()
    {
        using var directory = new TemporaryDirectory("phdb-export");
        await using var tiny = await TinyFileSystem.MountAsync(Path.Join(directory.Path, "tiny"), "256k");
        var failure = await Assert.ThrowsAsync<ExportFailedException>(() =>
            Runners
                .Create(world.DataSource, tiny.Path)
                .RunAsync(ExportRequest.Default, null, TestContext.Current.CancellationToken)
        );
        Assert.Equal(ExportFailure.WriteFailed, failure.Failure);
        Assert.Contains("disk is full", failure.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tiny.Path));
    }

    /// <summary>Table name → its columns, from the README's data dictionary.</summary>
    private static Dictionary<string, List<string>> DictionaryColumns(string readme)
    {
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var inDictionary = false;
        List<string>? current = null;
        foreach (var line in readme.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inDictionary = line == "## Data dictionary";
                current = null;
            }
            else if (inDictionary && line.StartsWith("### ", StringComparison.Ordinal))
            {
                current = [];
                tables[line[4..].Trim()] = current;
            }
            else if (current is not null && line.StartsWith("| `", StringComparison.Ordinal))
            {
                current.Add(line[3..line.IndexOf('`', 3)]);
            }
        }

        return tables;
    }
}
