using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace PHDB.Kaggle.StandIn.Tests;

public sealed class DatasetTests
{
    private const string Owner = "phdb-tester";

    private static readonly string[] Keywords = ["tabular", "social networks", "made-up-tag"];

    public static TheoryData<string, string> Refusals =>
        new()
        {
            { """{"slug": "abc"}""", "slug" },
            { """{"slug": "Has_Capitals"}""", "slug" },
            { """{"title": "Short"}""", "title" },
            { """{"subtitle": "too short"}""", "subtitle" },
            { """{"licenseName": "MIT"}""", "licenseName" },
            { """{"files": []}""", "files" },
            { """{"files": [{"token": "blob-unknown"}]}""", "files[0].token" },
            { """{"files": [{"token": "$TOKEN"}, {"token": "$TOKEN"}]}""", "files[1]" },
            { """{"files": [{"token": "$INCOMPLETE"}]}""", "files[0].token" },
        };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_creation_answers_status_error_naming_the_field_and_creates_nothing(
        string change,
        string field
    )
    {
        await using var standIn = await KaggleStandIn.StartAsync(ct: TestContext.Current.CancellationToken);
        using var client = new StandInClient(standIn);
        var token = await client.UploadAsync("posts.csv", Bytes.Of(100));
        var (incomplete, _) = await client.StartUploadAsync("late.csv", 100);
        var request = ValidCreation(token);
        var overrides = JsonDocument.Parse(
            change
                .Replace("$TOKEN", token, StringComparison.Ordinal)
                .Replace("$INCOMPLETE", incomplete, StringComparison.Ordinal)
        );
        foreach (var property in overrides.RootElement.EnumerateObject())
        {
            request[property.Name] = property.Value;
        }

        var (status, answer) = await client.CallAsync("CreateDataset", request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("error", answer.GetProperty("status").GetString());
        Assert.StartsWith(field, answer.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(standIn.Datasets);
    }

    [Fact]
    public async Task Malformed_foreign_duplicate_and_missing_datasets_are_refused_as_Kaggle_does()
    {
        await using var standIn = await KaggleStandIn.StartAsync(ct: TestContext.Current.CancellationToken);
        using var client = new StandInClient(standIn);
        var token = await client.UploadAsync("posts.csv", Bytes.Of(100));

        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await client.CallAsync("StartBlobUpload", new { type = "MODEL", name = "a" })).Status
        );
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await client.CallAsync("StartBlobUpload", new { type = "DATASET" })).Status
        );
        Assert.Equal(HttpStatusCode.BadRequest, (await client.CallAsync("CreateDataset", new { slug = 42 })).Status);

        var foreign = ValidCreation(token);
        foreign["ownerSlug"] = "someone-else";
        Assert.Equal(HttpStatusCode.Forbidden, (await client.CallAsync("CreateDataset", foreign)).Status);

        Assert.Equal(
            "ok",
            (await client.CallAsync("CreateDataset", ValidCreation(token))).Body.GetProperty("status").GetString()
        );
        var (_, again) = await client.CallAsync("CreateDataset", ValidCreation(token));
        Assert.Equal("error", again.GetProperty("status").GetString());

        var missing = new { ownerSlug = Owner, datasetSlug = "not-there" };
        Assert.Equal(HttpStatusCode.NotFound, (await client.CallAsync("GetDataset", missing)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.CallAsync("GetDatasetStatus", missing)).Status);
        var version = new
        {
            ownerSlug = Owner,
            datasetSlug = "not-there",
            body = new { versionNotes = "v2", files = new[] { new { token } } },
        };
        Assert.Equal(HttpStatusCode.NotFound, (await client.CallAsync("CreateDatasetVersion", version)).Status);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await client.CallAsync(
                    "CreateDatasetVersionById",
                    new { id = 999_999, body = new { files = new[] { new { token } } } }
                )
            ).Status
        );
    }

    [Fact]
    public async Task A_dataset_is_created_then_versioned_and_each_version_reaches_READY_by_polling()
    {
        await using var standIn = await KaggleStandIn.StartAsync(
            new KaggleStandInOptions { StatusPollsUntilReady = 3 },
            TestContext.Current.CancellationToken
        );
        using var client = new StandInClient(standIn);
        var first = Bytes.Of(3000, seed: 1);
        var creation = ValidCreation(await client.UploadAsync("posts.csv", first));
        creation["categoryIds"] = Keywords;

        var (_, created) = await client.CallAsync("CreateDataset", creation);
        Assert.Equal("ok", created.GetProperty("status").GetString());
        Assert.Equal($"{Owner}/launches-sample", created.GetProperty("ref").GetString());
        Assert.Equal(
            new Uri(standIn.Endpoint, $"datasets/{Owner}/launches-sample").ToString(),
            created.GetProperty("url").GetString()
        );
        Assert.Equal(["made-up-tag"], created.GetProperty("invalidTags").EnumerateArray().Select(t => t.GetString()));

        var reference = new { ownerSlug = Owner, datasetSlug = "launches-sample" };
        Assert.Equal(["BLOBS_RECEIVED", "BLOBS_DECOMPRESSED", "READY", "READY"], await PollAsync(client, reference, 4));

        var second = Bytes.Of(5000, seed: 2);
        var secondToken = await client.UploadAsync("posts.csv", second);
        var extraToken = await client.UploadAsync("makers.csv", Bytes.Of(10, seed: 3));
        var (_, versioned) = await client.CallAsync(
            "CreateDatasetVersion",
            new
            {
                ownerSlug = Owner,
                datasetSlug = "launches-sample",
                body = new
                {
                    versionNotes = "Rows added: posts +12",
                    files = new[] { new { token = secondToken }, new { token = extraToken } },
                },
            }
        );
        Assert.Equal("ok", versioned.GetProperty("status").GetString());
        Assert.False(versioned.TryGetProperty("error", out _));

        var (_, dataset) = await client.CallAsync("GetDataset", reference);
        Assert.Equal(2, dataset.GetProperty("currentVersionNumber").GetInt32());
        Assert.Equal("Launches sample", dataset.GetProperty("title").GetString());
        Assert.Equal("CC0-1.0", dataset.GetProperty("licenseName").GetString());
        Assert.Equal(5010, dataset.GetProperty("totalBytes").GetInt64());
        Assert.Equal(
            ["posts.csv", "makers.csv"],
            dataset.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString())
        );
        var versions = dataset.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("versionNumber").GetInt32()));
        Assert.Equal("Rows added: posts +12", versions[0].GetProperty("versionNotes").GetString());
        Assert.EndsWith("Z", versions[0].GetProperty("creationDate").GetString(), StringComparison.Ordinal);

        Assert.Equal(["BLOBS_RECEIVED", "BLOBS_DECOMPRESSED", "READY"], await PollAsync(client, reference, 3));

        // A third version by id that deletes the older versions' files, processed to FAILED.
        standIn.Faults.FailProcessing = true;
        var (_, byId) = await client.CallAsync(
            "CreateDatasetVersionById",
            new
            {
                id = dataset.GetProperty("id").GetInt32(),
                body = new
                {
                    versionNotes = "v3",
                    deleteOldVersions = true,
                    files = new[] { new { token = secondToken } },
                },
            }
        );
        Assert.Equal("ok", byId.GetProperty("status").GetString());
        Assert.Equal(["BLOBS_RECEIVED", "BLOBS_DECOMPRESSED", "FAILED"], await PollAsync(client, reference, 3));

        var stored = standIn.Find(Owner, "launches-sample")!;
        Assert.Equal([1, 2, 3], stored.Versions.Select(v => v.Number));
        Assert.Equal([0, 0, 1], stored.Versions.Select(v => v.Files.Count));
        Assert.Equal(Bytes.Sha256(second), stored.CurrentVersion.Files[0].Sha256);
        Assert.Equal("v3", stored.CurrentVersion.Notes);
    }

    [Fact]
    public async Task Injected_server_errors_create_nothing_and_a_delayed_answer_comes_after_the_version_exists()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var standIn = await KaggleStandIn.StartAsync(
            new KaggleStandInOptions { TimeProvider = time },
            TestContext.Current.CancellationToken
        );
        using var client = new StandInClient(standIn);
        var token = await client.UploadAsync("posts.csv", Bytes.Of(100));

        standIn.Faults.CreateServerErrors = 1;
        var (failed, error) = await client.CallAsync("CreateDataset", ValidCreation(token));
        Assert.Equal(HttpStatusCode.InternalServerError, failed);
        Assert.Equal(500, error.GetProperty("code").GetInt32());
        Assert.Empty(standIn.Datasets);

        standIn.Faults.CreateAnswerDelay = TimeSpan.FromMinutes(5);
        var answer = client.CallAsync("CreateDataset", ValidCreation(token));
        await BoundedWait.UntilAsync(
            () => standIn.Find(Owner, "launches-sample") is not null,
            TimeSpan.FromSeconds(10),
            "the dataset recorded before the delayed answer"
        );
        Assert.False(answer.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("ok", (await answer).Body.GetProperty("status").GetString());

        using var abandon = new CancellationTokenSource();
        var version = new
        {
            ownerSlug = Owner,
            datasetSlug = "launches-sample",
            body = new { versionNotes = "v2", files = new[] { new { token } } },
        };
        var abandoned = client.AbandonableCallAsync("CreateDatasetVersion", version, abandon.Token);
        await BoundedWait.UntilAsync(
            () => standIn.Find(Owner, "launches-sample")!.Versions.Count == 2,
            TimeSpan.FromSeconds(10),
            "version 2 recorded before the delayed answer"
        );
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await BoundedWait.UntilAsync(
            () =>
                standIn.Requests.Any(r =>
                    r.Path.EndsWith("/CreateDatasetVersion", StringComparison.Ordinal) && r.Status == 499
                ),
            TimeSpan.FromSeconds(10),
            "the abandoned call recorded as aborted"
        );
    }

    private static Dictionary<string, object> ValidCreation(string token) =>
        new()
        {
            ["ownerSlug"] = Owner,
            ["slug"] = "launches-sample",
            ["title"] = "Launches sample",
            ["subtitle"] = "Product launches, votes and makers",
            ["licenseName"] = "CC0-1.0",
            ["description"] = "A sample.",
            ["files"] = new[] { new { token, description = "Posts" } },
        };

    private static async Task<List<string>> PollAsync(StandInClient client, object reference, int polls)
    {
        var states = new List<string>();
        for (var i = 0; i < polls; i++)
        {
            var (status, answer) = await client.CallAsync("GetDatasetStatus", reference);
            Assert.Equal(HttpStatusCode.OK, status);
            states.Add(answer.GetProperty("status").GetString()!);
        }

        return states;
    }
}
