using PHDB.Kaggle.Metadata;

namespace PHDB.Kaggle.Tests;

/// <summary>Metadata is checked as Kaggle checks it, before any byte is sent; each problem names its field.</summary>
public sealed class ValidatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public ValidatorTests()
    {
        _folder.Write("posts.csv", "id\n1\n");
        _folder.Write("phdb.sqlite", "x");
        _folder.Write("parquet/votes.parquet", "x");
    }

    public void Dispose() => _folder.Dispose();

    private static DatasetMetadata Valid() =>
        new(
            "alice/product-hunt-phdb",
            "Product Hunt: posts, comments and votes",
            "Every Product Hunt launch with its makers and votes",
            "Description.",
            true,
            ["CC0-1.0"],
            ["business"],
            [
                new DatasetResource("posts.csv", "Every post.", []),
                new DatasetResource("phdb.sqlite", null, []),
                new DatasetResource("parquet/votes.parquet", null, []),
            ]
        );

    private IReadOnlyList<MetadataProblem> Validate(DatasetMetadata metadata) =>
        DatasetMetadataValidator.Validate(metadata, _folder.Path);

    [Fact]
    public void Valid_metadata_has_no_problem() => Assert.Empty(Validate(Valid()));

    [Fact]
    public void The_exporters_metadata_with_its_files_present_is_valid()
    {
        var metadata = DatasetMetadata.Parse(MetadataTests.ExporterShaped);

        Assert.Empty(Validate(metadata));
        var doubled = metadata with { Resources = [.. metadata.Resources, metadata.Resources[0]] };
        Assert.Equal("resources[2].path", Assert.Single(Validate(doubled)).Field);
    }

    public static TheoryData<string, Func<DatasetMetadata, DatasetMetadata>> Broken =>
        new()
        {
            { "id", m => m with { Id = "product-hunt-phdb" } },
            { "id", m => m with { Id = "/product-hunt-phdb" } },
            { "id", m => m with { Id = "alice/short" } },
            { "id", m => m with { Id = "alice/" + new string('a', 51) } },
            { "id", m => m with { Id = "alice/Product-Hunt" } },
            { "id", m => m with { Id = "alice/product_hunt" } },
            { "id", m => m with { Id = "INSERT_OWNER/product-hunt-phdb" } },
            { "title", m => m with { Title = "Short" } },
            { "title", m => m with { Title = new string('t', 51) } },
            { "subtitle", m => m with { Subtitle = "Too short a subtitle"[..19] } },
            { "subtitle", m => m with { Subtitle = new string('s', 81) } },
            { "licenses", m => m with { Licenses = [] } },
            { "licenses", m => m with { Licenses = ["CC0-1.0", "other"] } },
            { "licenses[0].name", m => m with { Licenses = ["cc0-1.0"] } },
            { "licenses[0].name", m => m with { Licenses = ["MIT"] } },
        };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_rule_broken_is_named_by_its_field(string field, Func<DatasetMetadata, DatasetMetadata> spoil)
    {
        var problem = Assert.Single(Validate(spoil(Valid())));

        Assert.Equal(field, problem.Field);
        Assert.StartsWith(field + ": ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_are_inclusive_and_no_subtitle_is_fine()
    {
        var metadata = Valid() with
        {
            Id = "a/" + new string('x', 6),
            Title = new string('t', 50),
            Subtitle = new string('s', 20),
        };
        Assert.Empty(Validate(metadata));
        Assert.Empty(
            Validate(
                metadata with
                {
                    Id = "a/" + new string('x', 50),
                    Title = "Titles",
                    Subtitle = new string('s', 80),
                }
            )
        );
        Assert.Empty(Validate(metadata with { Subtitle = null }));
        Assert.Empty(Validate(metadata with { Subtitle = "" }));
    }

    [Fact]
    public void Every_missing_duplicate_or_escaping_resource_is_named_by_its_index()
    {
        var metadata = Valid() with
        {
            Resources =
            [
                new DatasetResource("posts.csv", null, []),
                new DatasetResource("comments.csv", null, []),
                new DatasetResource("phdb.sqlite", null, []),
                new DatasetResource("posts.csv", null, []),
                new DatasetResource("../secrets.txt", null, []),
                new DatasetResource("/etc/passwd", null, []),
            ],
        };

        var problems = Validate(metadata);

        Assert.Equal(
            ["resources[1].path", "resources[3].path", "resources[4].path", "resources[5].path"],
            problems.Select(p => p.Field)
        );
        Assert.Contains("comments.csv", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("more than once", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var problems = Validate(Valid() with { Id = "alice/x", Title = "T", Licenses = [] });

        Assert.Equal(["id", "title", "licenses"], problems.Select(p => p.Field));
    }
}
