using System.Text;
using PHDB.Kaggle.Wire;

namespace PHDB.Kaggle.Tests;

/// <summary>Request bodies are written as Kaggle's client writes them; answers and enum names are read as leniently.</summary>
public sealed class WireTests
{
    private static string Text(byte[] body) => Encoding.UTF8.GetString(body);

    [Fact]
    public void StartBlobUpload_sends_the_type_by_name_the_name_the_length_and_the_modification_time()
    {
        var modified = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        Assert.Equal(
            """{"type":"DATASET","name":"data.csv","contentLength":1234,"lastModifiedEpochSeconds":1700000000}""",
            Text(WireJson.StartBlobUpload("data.csv", 1234, modified))
        );
        // An empty file's length is the default and is left out.
        Assert.Equal(
            """{"type":"DATASET","name":"empty.csv","lastModifiedEpochSeconds":1700000000}""",
            Text(WireJson.StartBlobUpload("empty.csv", 0, modified))
        );
    }

    [Fact]
    public void CreateDataset_leaves_out_defaults_and_numbers_columns_from_zero()
    {
        var request = new NewDataset(
            "alice",
            "my-dataset",
            "My Dataset",
            "CC0-1.0",
            null,
            "d",
            true,
            [
                new DatasetFileUpload(
                    "tok-abc",
                    "d",
                    [
                        new DatasetColumn("a", null, "String"),
                        new DatasetColumn("b", "B.", "number"),
                        new DatasetColumn("c"),
                    ]
                ),
                new DatasetFileUpload("tok-def"),
            ],
            ["beginner"]
        );

        Assert.Equal(
            """{"ownerSlug":"alice","slug":"my-dataset","title":"My Dataset","licenseName":"CC0-1.0","isPrivate":true"""
                + ""","files":[{"token":"tok-abc","description":"d","columns":["""
                + """{"order":0,"name":"a","type":"string","originalType":"string","description":""},"""
                + """{"order":1,"name":"b","type":"numeric","originalType":"number","description":"B."},"""
                + """{"order":2,"name":"c","description":""}]},{"token":"tok-def"}],"description":"d","categoryIds":["beginner"]}""",
            Text(WireJson.CreateDataset(request))
        );

        var bare = request with { IsPrivate = false, Files = [], CategoryIds = [], Description = null, Subtitle = "" };
        Assert.Equal(
            """{"ownerSlug":"alice","slug":"my-dataset","title":"My Dataset","licenseName":"CC0-1.0","subtitle":""}""",
            Text(WireJson.CreateDataset(bare))
        );
    }

    [Fact]
    public void CreateDatasetVersion_nests_the_version_under_body()
    {
        var request = new NewDatasetVersion("v2", false, [new DatasetFileUpload("tok-def")], null, null, []);

        Assert.Equal(
            """{"ownerSlug":"alice","datasetSlug":"my-dataset","body":{"versionNotes":"v2","files":[{"token":"tok-def"}]}}""",
            Text(WireJson.CreateDatasetVersion("alice", "my-dataset", request))
        );
        Assert.Contains(
            "\"deleteOldVersions\":true",
            Text(WireJson.CreateDatasetVersion("alice", "my-dataset", request with { DeleteOldVersions = true })),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("READY", KaggleDatasetStatus.Ready)]
    [InlineData("ready", KaggleDatasetStatus.Ready)]
    [InlineData("Ready", KaggleDatasetStatus.Ready)]
    [InlineData("DATABUNDLE_VERSION_STATUS_READY", KaggleDatasetStatus.Ready)]
    [InlineData("blobsCopiedToSds", KaggleDatasetStatus.BlobsCopiedToSds)]
    [InlineData("NOT_YET_PERSISTED", KaggleDatasetStatus.NotYetPersisted)]
    [InlineData("FAILED", KaggleDatasetStatus.Failed)]
    public void Status_names_are_read_as_leniently_as_Kaggles_client_reads_them(string name, KaggleDatasetStatus status)
    {
        Assert.True(WireNames.TryParse(name, out var read));
        Assert.Equal(status, read);
    }

    [Fact]
    public void Every_status_has_its_wire_name_and_reads_back()
    {
        string[] expected =
        [
            "NOT_YET_PERSISTED",
            "BLOBS_RECEIVED",
            "BLOBS_DECOMPRESSED",
            "BLOBS_COPIED_TO_SDS",
            "INDIVIDUAL_BLOBS_COMPRESSED",
            "READY",
            "FAILED",
            "DELETED",
            "REPROCESSING",
        ];
        Assert.Equal(expected, Enum.GetValues<KaggleDatasetStatus>().Select(WireNames.Name));
        foreach (var status in Enum.GetValues<KaggleDatasetStatus>())
        {
            Assert.True(WireNames.TryParse(WireNames.Name(status), out var read));
            Assert.Equal(status, read);
        }

        Assert.False(WireNames.TryParse("PENDING", out _));
    }

    [Theory]
    [InlineData("ok", null, true)]
    [InlineData("OK", "", true)]
    [InlineData("Ok", null, true)]
    [InlineData("ok", "Title already in use", false)]
    [InlineData("error", "Title already in use", false)]
    [InlineData("error", null, false)]
    [InlineData(null, null, false)]
    [InlineData("", null, false)]
    public void An_answer_succeeded_when_its_status_is_ok_and_it_carries_no_error(
        string? status,
        string? error,
        bool succeeded
    ) => Assert.Equal(succeeded, new DatasetCreateAnswer("a/b", null, status, error, []).Succeeded);
}
