using PHDB.Kaggle.Wire;
using static PHDB.Kaggle.Tests.StandInTesting;

namespace PHDB.Kaggle.Tests;

/// <summary>A dataset is created, versioned and waited for against the stand-in, as a publication does it.</summary>
public sealed class PublicationTests
{
    [Fact]
    public async Task A_dataset_is_created_then_version_2_and_each_is_waited_for_until_ready()
    {
        await using var standIn = await StartAsync(o => o.StatusPollsUntilReady = 3);
        using var harness = new Harness(standIn);
        using var folder = new TempFolder();
        var client = harness.Client;
        var owner = standIn.Options.Username;
        var posts = File(folder, "posts.csv", (2 * Chunk) + 12_345);
        var readme = File(folder, "README.md", 2_000, seed: 2);

        Assert.Null(await client.GetDatasetAsync(owner, "product-hunt-phdb", Cancel));

        var reported = new List<long>();
        var postsToken = await client.UploadFileAsync(posts, "posts.csv", new SyncProgress<long>(reported.Add), Cancel);
        var readmeToken = await client.UploadFileAsync(readme, "README.md", null, Cancel);
        Assert.Equal([Chunk, 2 * Chunk, (2 * Chunk) + 12_345], reported);

        var request = NewDataset(standIn, "product-hunt-phdb", postsToken, readmeToken) with
        {
            Files =
            [
                new DatasetFileUpload(
                    postsToken,
                    "Every post.",
                    [new DatasetColumn("id", "The post's id.", "integer"), new DatasetColumn("name", null, "string")]
                ),
                new DatasetFileUpload(readmeToken),
            ],
            CategoryIds = ["business", "no-such-tag-anywhere"],
        };
        var created = await client.CreateDatasetAsync(request, Cancel);

        Assert.True(created.Succeeded, created.Error);
        Assert.Equal($"{owner}/product-hunt-phdb", created.Ref);
        Assert.NotNull(created.Url);
        Assert.Equal(["no-such-tag-anywhere"], created.InvalidTags);

        var states = new List<KaggleDatasetStatus>();
        await client.WaitUntilReadyAsync(
            owner,
            "product-hunt-phdb",
            new SyncProgress<KaggleDatasetStatus>(states.Add),
            Cancel
        );
        Assert.Equal(KaggleDatasetStatus.Ready, states[^1]);
        Assert.True(states.Count >= 2, $"Only {states.Count} state(s) reported before READY.");
        Assert.DoesNotContain(KaggleDatasetStatus.Ready, states[..^1]);

        var first = await client.GetDatasetAsync(owner, "product-hunt-phdb", Cancel);
        Assert.NotNull(first);
        Assert.Equal($"{owner}/product-hunt-phdb", first.Ref);
        Assert.Equal("Product Hunt posts and votes", first.Title);
        Assert.Equal(1, first.CurrentVersionNumber);

        File(folder, "posts.csv", (3 * Chunk) + 1, seed: 3);
        var newPosts = await client.UploadFileAsync(posts, "posts.csv", null, Cancel);
        var version = await client.CreateDatasetVersionAsync(
            owner,
            "product-hunt-phdb",
            new NewDatasetVersion("12 posts added.", false, [new DatasetFileUpload(newPosts)], null, null, []),
            Cancel
        );
        Assert.True(version.Succeeded, version.Error);
        await client.WaitUntilReadyAsync(owner, "product-hunt-phdb", null, Cancel);

        Assert.Equal(2, (await client.GetDatasetAsync(owner, "product-hunt-phdb", Cancel))!.CurrentVersionNumber);
        var dataset = standIn.Find(owner, "product-hunt-phdb");
        Assert.NotNull(dataset);
        Assert.True(dataset.IsPrivate);
        Assert.Equal("CC0-1.0", dataset.LicenseName);
        Assert.Equal(
            ["README.md", "posts.csv"],
            dataset.Versions[0].Files.Select(f => f.Name).Order(StringComparer.Ordinal)
        );
        var second = dataset.Versions[1];
        Assert.Equal((2, "12 posts added."), (second.Number, second.Notes));
        var file = Assert.Single(second.Files);
        Assert.Equal(("posts.csv", new FileInfo(posts).Length, Sha256(posts)), (file.Name, file.Bytes, file.Sha256));
    }

    [Fact]
    public async Task StartBlobUpload_names_a_dataset_blob_with_its_length_and_the_file_arrives_intact()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn);
        using var folder = new TempFolder();
        var path = File(folder, "votes.csv", 100_000);

        var ticket = await harness.Client.StartBlobUploadAsync("votes.csv", 100_000, DateTimeOffset.UtcNow, Cancel);

        Assert.False(string.IsNullOrEmpty(ticket.Token));
        Assert.Equal(standIn.Endpoint.Authority, ticket.CreateUrl.Authority);
        Assert.Equal(
            ("POST", "/v1/blobs.BlobApiService/StartBlobUpload", true),
            harness.Sent.Requests.Select(r => (r.Method, r.Path, r.Authorized)).Single()
        );

        // The stand-in refuses a blob that is not a DATASET or has no name (400): the upload works end to end.
        var token = await harness.Client.UploadFileAsync(path, "votes.csv", null, Cancel);
        var created = await harness.Client.CreateDatasetAsync(NewDataset(standIn, "votes-only", token), Cancel);
        Assert.True(created.Succeeded, created.Error);
        var file = Assert.Single(standIn.Find(standIn.Options.Username, "votes-only")!.CurrentVersion.Files);
        Assert.Equal(("votes.csv", 100_000L, Sha256(path)), (file.Name, file.Bytes, file.Sha256));

        // A file within one chunk goes in one plain PUT, with no Authorization.
        var put = Assert.Single(harness.Sent.Puts);
        Assert.Equal((false, null, 100_000L), (put.Authorized, put.ContentRange, put.ContentLength));
    }

    [Fact]
    public async Task The_client_works_over_its_own_connection_and_under_an_endpoint_with_a_path()
    {
        await using var standIn = await StartAsync();
        var options = Options(standIn, o => o.Endpoint = new Uri(standIn.Endpoint, "api/").ToString());
        using var client = new KaggleApiClient(options, Token(standIn), new CapturingLogger<KaggleApiClient>());
        using var folder = new TempFolder();

        var token = await client.UploadFileAsync(File(folder, "a.csv", Chunk + 1), "a.csv", null, Cancel);
        var created = await client.CreateDatasetAsync(NewDataset(standIn, "own-connection", token), Cancel);

        Assert.True(created.Succeeded, created.Error);
        Assert.Equal(
            1,
            (await client.GetDatasetAsync(standIn.Options.Username, "own-connection", Cancel))?.CurrentVersionNumber
        );
        Assert.All(
            standIn.Requests.Where(r => r.Method == "POST"),
            r => Assert.StartsWith("/api/v1/", r.Path, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task A_legacy_key_is_sent_as_Basic_and_works()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn, credentials: Key(standIn));
        using var folder = new TempFolder();

        var token = await harness.Client.UploadFileAsync(File(folder, "a.csv", 10), "a.csv", null, Cancel);
        var created = await harness.Client.CreateDatasetAsync(NewDataset(standIn, "with-a-key", token), Cancel);

        Assert.True(created.Succeeded, created.Error);
    }

    [Fact]
    public async Task Refused_content_is_an_answer_that_did_not_succeed()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn);
        using var folder = new TempFolder();
        var token = await harness.Client.UploadFileAsync(File(folder, "a.csv", 10), "a.csv", null, Cancel);

        var badLicence = await harness.Client.CreateDatasetAsync(
            NewDataset(standIn, "bad-licence", token) with
            {
                LicenseName = "MIT",
            },
            Cancel
        );
        Assert.False(badLicence.Succeeded);
        Assert.Equal("error", badLicence.Status);
        Assert.False(string.IsNullOrEmpty(badLicence.Error));

        Assert.True(
            (await harness.Client.CreateDatasetAsync(NewDataset(standIn, "exists-already", token), Cancel)).Succeeded
        );
        var again = await harness.Client.CreateDatasetAsync(NewDataset(standIn, "exists-already", token), Cancel);
        Assert.False(again.Succeeded);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Single(standIn.Find(standIn.Options.Username, "exists-already")!.Versions);
    }

    [Fact]
    public async Task A_version_of_a_dataset_that_does_not_exist_is_NotFound()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn);
        using var folder = new TempFolder();
        var token = await harness.Client.UploadFileAsync(File(folder, "a.csv", 10), "a.csv", null, Cancel);

        var missing = await Assert.ThrowsAsync<KaggleException>(() =>
            harness.Client.CreateDatasetVersionAsync(
                standIn.Options.Username,
                "never-created",
                new NewDatasetVersion("v2", false, [new DatasetFileUpload(token)], null, null, []),
                Cancel
            )
        );

        Assert.Equal((KaggleFailure.NotFound, 404), (missing.Failure, missing.StatusCode));
        await Assert.ThrowsAsync<KaggleException>(() =>
            harness.Client.GetDatasetStatusAsync(standIn.Options.Username, "never-created", Cancel)
        );
    }

    [Fact]
    public async Task Processing_that_fails_is_Rejected_and_processing_that_never_ends_is_a_Timeout()
    {
        await using var standIn = await StartAsync(o => o.StatusPollsUntilReady = 1_000_000);
        using var harness = new Harness(standIn, o => o.StatusTimeout = TimeSpan.FromSeconds(2));
        using var folder = new TempFolder();
        var owner = standIn.Options.Username;
        var token = await harness.Client.UploadFileAsync(File(folder, "a.csv", 10), "a.csv", null, Cancel);
        Assert.True(
            (await harness.Client.CreateDatasetAsync(NewDataset(standIn, "slow-to-process", token), Cancel)).Succeeded
        );

        var states = new List<KaggleDatasetStatus>();
        var slow = await Assert.ThrowsAsync<KaggleException>(() =>
            harness.Client.WaitUntilReadyAsync(
                owner,
                "slow-to-process",
                new SyncProgress<KaggleDatasetStatus>(states.Add),
                Cancel
            )
        );
        Assert.Equal(KaggleFailure.Timeout, slow.Failure);
        Assert.True(states.Count >= 2, $"{states.Count} state(s) reported.");
        Assert.DoesNotContain(KaggleDatasetStatus.Ready, states);

        await using var failing = await StartAsync(o => o.StatusPollsUntilReady = 2);
        using var second = new Harness(failing);
        failing.Faults.FailProcessing = true;
        var again = await second.Client.UploadFileAsync(File(folder, "b.csv", 10), "b.csv", null, Cancel);
        Assert.True(
            (await second.Client.CreateDatasetAsync(NewDataset(failing, "fails-to-process", again), Cancel)).Succeeded
        );

        var rejected = await Assert.ThrowsAsync<KaggleException>(() =>
            second.Client.WaitUntilReadyAsync(owner, "fails-to-process", null, Cancel)
        );
        Assert.Equal(KaggleFailure.Rejected, rejected.Failure);
        Assert.Contains("FAILED", rejected.Message, StringComparison.Ordinal);
    }
}
