using System.Text.Json;
using PHDB.Kaggle.StandIn;
using PHDB.Testing;

namespace PHDB.Cli.Tests.Publish;

/// <summary><c>phdb publish</c> as its own process against the Kaggle stand-in on loopback.</summary>
public sealed class PublishCommandTests(SmallDatabase database) : IClassFixture<SmallDatabase>, IAsyncLifetime
{
    private readonly KaggleStandInOptions account = new();
    private readonly TemporaryDirectory home = new("phdb-cli-publish-home");
    private readonly TemporaryDirectory exports = new("phdb-cli-publish-exports");
    private KaggleStandIn kaggle = null!;

    private string Dataset => $"{account.Username}/product-hunt-phdb";

    public async ValueTask InitializeAsync() =>
        kaggle = await KaggleStandIn.StartAsync(account, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await kaggle.DisposeAsync();
        home.Dispose();
        exports.Dispose();
    }

    [Fact]
    public async Task A_dry_run_prints_a_valid_plan_and_sends_nothing()
    {
        // A dataset of its own: the other tests' publications share the database and its history.
        var dataset = $"{account.Username}/product-hunt-dry-run";
        var result = await Phdb(Credentials(), "publish", "--dry-run", "--dataset", dataset);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Dry run: would create the dataset {dataset}", result.Output, StringComparison.Ordinal);
        Assert.Contains("posts.csv", result.Output, StringComparison.Ordinal);
        Assert.Contains("README.md", result.Output, StringComparison.Ordinal);
        Assert.Contains("First release", result.Output, StringComparison.Ordinal);
        Assert.Contains("Valid", result.Output, StringComparison.Ordinal);
        // Only the question whether the dataset exists reached Kaggle; no upload, no creation.
        Assert.All(kaggle.Requests, r => Assert.EndsWith("/GetDataset", r.Path, StringComparison.Ordinal));
        Assert.Empty(kaggle.Datasets);
        var export = Directory.EnumerateDirectories(exports.Path).Single(d => new DirectoryInfo(d).LinkTarget is null);
        using var metadata = JsonDocument.Parse(
            await File.ReadAllTextAsync(
                Path.Join(export, "dataset-metadata.json"),
                TestContext.Current.CancellationToken
            )
        );
        Assert.Equal(dataset, metadata.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Publishing_creates_the_dataset_and_the_next_run_creates_version_2_with_generated_notes()
    {
        var first = await Phdb(Credentials(), "publish", "--dataset", Dataset);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"Published version 1 of {Dataset}", first.Output, StringComparison.Ordinal);

        await database.AddVotesAsync(250, TestContext.Current.CancellationToken);
        var second = await Phdb(Credentials(), "publish", "--dataset", Dataset, "--json");
        Assert.True(second.ExitCode == 0, second.ToString());
        using var json = JsonDocument.Parse(second.Output);
        Assert.Equal(2, json.RootElement.GetProperty("version").GetInt32());

        var dataset = kaggle.Find(account.Username, "product-hunt-phdb");
        Assert.NotNull(dataset);
        Assert.Equal([1, 2], dataset.Versions.Select(v => v.Number));
        var notes = dataset.Versions[1].Notes!;
        Assert.Contains("votes", notes, StringComparison.Ordinal);
        Assert.Contains("+250", notes, StringComparison.Ordinal);
        // Only the export's files: its data files, the README and the manifest, never the metadata file.
        var files = dataset.Versions[1].Files.Select(f => f.Name).ToList();
        Assert.Contains("posts.csv", files);
        Assert.Contains("README.md", files);
        Assert.Contains("manifest.json", files);
        Assert.DoesNotContain("dataset-metadata.json", files);
        Assert.DoesNotContain(
            account.Key,
            first.Output + first.Error + second.Output + second.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Refused_credentials_exit_77_naming_where_credentials_are_read()
    {
        var wrong = new Dictionary<string, string?>(Credentials()) { ["KAGGLE_KEY"] = "not-the-key-at-all-1234" };
        var refused = await Phdb(wrong, "publish", "--dataset", Dataset);
        Assert.True(refused.ExitCode == 77, refused.ToString());
        Assert.Contains("KAGGLE_API_TOKEN", refused.Error, StringComparison.Ordinal);
        Assert.Contains("kaggle.json", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-key-at-all", refused.Output + refused.Error, StringComparison.Ordinal);

        var missing = await Phdb(NoCredentials(), "publish", "--dataset", Dataset);
        Assert.True(missing.ExitCode == 77, missing.ToString());
        Assert.Contains("KAGGLE_USERNAME", missing.Error, StringComparison.Ordinal);
        Assert.Empty(kaggle.Datasets);
    }

    [Fact]
    public async Task Invalid_metadata_is_refused_before_any_upload_naming_the_field()
    {
        var result = await Phdb(Credentials(), "publish", "--dataset", $"{account.Username}/abc");
        Assert.True(result.ExitCode == 65, result.ToString());
        Assert.Contains("slug", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(kaggle.Requests, r => r.Path.EndsWith("/StartBlobUpload", StringComparison.Ordinal));
        Assert.Empty(kaggle.Datasets);
    }

    private Dictionary<string, string?> Credentials() =>
        new(NoCredentials()) { ["KAGGLE_USERNAME"] = account.Username, ["KAGGLE_KEY"] = account.Key };

    private Dictionary<string, string?> NoCredentials() =>
        new()
        {
            ["HOME"] = home.Path,
            ["KAGGLE_API_TOKEN"] = null,
            ["KAGGLE_USERNAME"] = null,
            ["KAGGLE_KEY"] = null,
            ["KAGGLE_CONFIG_DIR"] = null,
            ["Kaggle__Endpoint"] = kaggle.Endpoint.ToString(),
            ["Kaggle__StatusPollInterval"] = "00:00:00.050",
            ["Export__Directory"] = exports.Path,
            ["Publishing__Formats__0"] = "csv",
        };

    private Task<CliResult> Phdb(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        CliProcess.RunAsync(
            [.. arguments, "--database", database.ConnectionString],
            environment,
            timeout: TimeSpan.FromMinutes(2),
            cancellationToken: TestContext.Current.CancellationToken
        );
}
