using PHDB.Kaggle.Metadata;

namespace PHDB.Kaggle.Tests;

/// <summary><c>dataset-metadata.json</c> as PHDB's exporter writes it is read, written back and refused naming the field.</summary>
public sealed class MetadataTests
{
    /// <summary>The shape of the exporter's file (src/PHDB.Export/DataCard.cs), with keys Kaggle knows but PHDB does not use.</summary>
    internal const string ExporterShaped = """
        {
          "title": "Product Hunt: posts, comments and votes",
          "id": "alice/product-hunt-phdb",
          "subtitle": "Every Product Hunt launch with its makers, topics, comments and timed votes",
          "description": "A complete copy.\n\nSee README.md.",
          "isPrivate": false,
          "licenses": [ { "name": "CC0-1.0" } ],
          "keywords": [ "business", "internet" ],
          "collaborators": [],
          "resources": [
            {
              "path": "posts.csv",
              "description": "Every post.",
              "schema": {
                "fields": [
                  { "name": "id", "description": "The post's id.", "type": "integer" },
                  { "name": "name", "description": null, "type": "string" },
                  { "name": "created_at" }
                ]
              }
            },
            { "path": "phdb.sqlite", "description": "Every table in one sqlite database: posts, votes." }
          ]
        }
        """;

    [Fact]
    public void The_exporters_file_is_read_whole()
    {
        var metadata = DatasetMetadata.Parse(ExporterShaped);

        Assert.Equal("alice/product-hunt-phdb", metadata.Id);
        Assert.Equal("alice", metadata.Owner);
        Assert.Equal("product-hunt-phdb", metadata.Slug);
        Assert.Equal("Product Hunt: posts, comments and votes", metadata.Title);
        Assert.StartsWith("Every Product Hunt launch", metadata.Subtitle, StringComparison.Ordinal);
        Assert.Equal("A complete copy.\n\nSee README.md.", metadata.Description);
        Assert.False(metadata.IsPrivate);
        Assert.Equal(["CC0-1.0"], metadata.Licenses);
        Assert.Equal(["business", "internet"], metadata.Keywords);
        Assert.Equal(2, metadata.Resources.Count);
        var posts = metadata.Resources[0];
        Assert.Equal("posts.csv", posts.Path);
        Assert.Equal("Every post.", posts.Description);
        Assert.Equal(
            [
                new Wire.DatasetColumn("id", "The post's id.", "integer"),
                new Wire.DatasetColumn("name", null, "string"),
                new Wire.DatasetColumn("created_at", null, null),
            ],
            posts.Columns
        );
        Assert.Empty(metadata.Resources[1].Columns);
    }

    [Fact]
    public void Written_metadata_reads_back_the_same()
    {
        var metadata = DatasetMetadata.Parse(ExporterShaped);

        var text = metadata.ToJson();
        var again = DatasetMetadata.Parse(text);

        Assert.Equal(text, again.ToJson());
        Assert.Equal(metadata.Id, again.Id);
        Assert.Equal(metadata.Description, again.Description);
        Assert.Equal(metadata.Resources[0].Columns, again.Resources[0].Columns);
        Assert.Contains("\"isPrivate\": false", text, StringComparison.Ordinal);
        Assert.Contains("\"licenses\": [\n    {\n      \"name\": \"CC0-1.0\"", text, StringComparison.Ordinal);
        Assert.Contains("\"schema\": {\n        \"fields\": [", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absent_isPrivate_means_private_and_absent_lists_are_empty()
    {
        var metadata = DatasetMetadata.Parse("""{"id": "alice/my-dataset", "title": "My Dataset"}""");

        Assert.True(metadata.IsPrivate);
        Assert.Null(metadata.Subtitle);
        Assert.Empty(metadata.Licenses);
        Assert.Empty(metadata.Keywords);
        Assert.Empty(metadata.Resources);
    }

    [Theory]
    [InlineData("""{"title": "My Dataset"}""", "id")]
    [InlineData("""{"id": "alice/my-dataset"}""", "title")]
    [InlineData("""{"id": 7, "title": "My Dataset"}""", "id")]
    [InlineData("""{"id": "a/b", "title": "My Dataset", "subtitle": 3}""", "subtitle")]
    [InlineData("""{"id": "a/b", "title": "My Dataset", "isPrivate": "yes"}""", "isPrivate")]
    [InlineData("""{"id": "a/b", "title": "My Dataset", "licenses": "CC0-1.0"}""", "licenses")]
    [InlineData("""{"id": "a/b", "title": "My Dataset", "licenses": [{"title": "CC0-1.0"}]}""", "licenses[0].name")]
    [InlineData("""{"id": "a/b", "title": "My Dataset", "keywords": ["x", 1]}""", "keywords[1]")]
    [InlineData(
        """{"id": "a/b", "title": "My Dataset", "resources": [{"path": "a.csv"}, {"path": "b.csv"}, {}, {"path": 1}]}""",
        "resources[2].path"
    )]
    [InlineData(
        """{"id": "a/b", "title": "My Dataset", "resources": [{"path": "a.csv"}, {"path": "b.csv"}, {"path": "c.csv"}, {"path": 1}]}""",
        "resources[3].path"
    )]
    [InlineData(
        """{"id": "a/b", "title": "My Dataset", "resources": [{"path": "a.csv", "schema": {"fields": [{"type": "string"}]}}]}""",
        "resources[0].schema.fields[0].name"
    )]
    public void A_malformed_field_is_refused_by_name(string json, string field)
    {
        var refused = Assert.Throws<KaggleException>(() => DatasetMetadata.Parse(json));

        Assert.Equal(KaggleFailure.InvalidRequest, refused.Failure);
        Assert.Contains($": {field} ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_refused_with_its_position()
    {
        var refused = Assert.Throws<KaggleException>(() => DatasetMetadata.Parse("{\n  \"id\": \"a/b\",\n  oops\n}"));

        Assert.Equal(KaggleFailure.InvalidRequest, refused.Failure);
        Assert.Contains("dataset-metadata.json is not valid JSON (line 3", refused.Message, StringComparison.Ordinal);
    }
}
