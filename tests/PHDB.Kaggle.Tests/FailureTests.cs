using System.Text;
using PHDB.Kaggle.Wire;
using static PHDB.Kaggle.Tests.StandInTesting;

namespace PHDB.Kaggle.Tests;

/// <summary>Refused credentials fail at once and say where credentials come from; server errors are retried, then fail.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task Refused_credentials_fail_at_once_naming_the_places_and_never_the_secret()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn);
        standIn.Faults.RefuseCredentials = true;

        var refused = await Assert.ThrowsAsync<KaggleException>(() =>
            harness.Client.GetDatasetAsync(standIn.Options.Username, "product-hunt-phdb", Cancel)
        );

        Assert.Equal((KaggleFailure.Unauthorized, 401), (refused.Failure, refused.StatusCode));
        Assert.Single(harness.Sent.Requests);
        foreach (var place in KaggleCredentialLocator.Places)
        {
            Assert.Contains(place, refused.Message, StringComparison.Ordinal);
        }

        Assert.Contains("KAGGLE_API_TOKEN", refused.Message, StringComparison.Ordinal);
        Assert.Contains(harness.Credentials.Masked, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(standIn.Options.ApiToken, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(standIn.Options.ApiToken, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_legacy_key_is_refused_naming_its_source_without_the_key()
    {
        await using var standIn = await StartAsync();
        const string WrongKey = "fedcba9876543210fedcba9876543210";
        var wrong = new KaggleCredentials(
            KaggleAuthScheme.Basic,
            "KAGGLE_USERNAME and KAGGLE_KEY",
            WrongKey,
            "phdb-tester"
        );
        using var harness = new Harness(standIn, credentials: wrong);
        using var folder = new TempFolder();

        var refused = await Assert.ThrowsAsync<KaggleException>(() =>
            harness.Client.UploadFileAsync(File(folder, "a.csv", 10), "a.csv", null, Cancel)
        );

        Assert.Equal(KaggleFailure.Unauthorized, refused.Failure);
        Assert.Contains("KAGGLE_USERNAME and KAGGLE_KEY", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\u20263210", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, refused.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Sent.Puts);
    }

    [Fact]
    public async Task Server_errors_on_create_are_retried_and_create_exactly_one_dataset()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn, o => o.MaxAttempts = 4);
        using var folder = new TempFolder();
        var token = await harness.Client.UploadFileAsync(File(folder, "a.csv", 10), "a.csv", null, Cancel);
        standIn.Faults.CreateServerErrors = 2;

        var created = await harness.Client.CreateDatasetAsync(NewDataset(standIn, "after-two-500s", token), Cancel);

        Assert.True(created.Succeeded, created.Error);
        Assert.Equal(3, harness.Sent.Calls("CreateDataset"));
        Assert.Single(standIn.Find(standIn.Options.Username, "after-two-500s")!.Versions);
    }

    [Fact]
    public async Task Retries_wait_on_the_clocks_time_provider()
    {
        await using var standIn = await StartAsync();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options(standIn, o => o.RetryBaseDelay = TimeSpan.FromMinutes(10));
        using var handler = new RecordingHandler();
        using var client = new KaggleApiClient(
            options,
            Token(standIn),
            new CapturingLogger<KaggleApiClient>(),
            time,
            handler
        );
        using var folder = new TempFolder();
        var token = await client.UploadFileAsync(File(folder, "a.csv", 10), "a.csv", null, Cancel);
        standIn.Faults.CreateServerErrors = 1;

        var creating = client.CreateDatasetAsync(NewDataset(standIn, "waits-on-the-clock", token), Cancel);
        await Until.HoldsAsync(
            () => standIn.Requests.Any(r => r.Status == 500),
            "the first CreateDataset answered 500"
        );
        await Task.Delay(TimeSpan.FromMilliseconds(200), Cancel);
        Assert.False(creating.IsCompleted);
        Assert.Equal(1, handler.Calls("CreateDataset"));

        time.Advance(TimeSpan.FromHours(2));
        Assert.True((await creating).Succeeded);
        Assert.Equal(2, handler.Calls("CreateDataset"));
    }

    [Fact]
    public async Task Server_errors_past_every_attempt_are_a_ServerError_and_create_nothing()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn, o => o.MaxAttempts = 3);
        using var folder = new TempFolder();
        var owner = standIn.Options.Username;
        var token = await harness.Client.UploadFileAsync(File(folder, "a.csv", 10), "a.csv", null, Cancel);
        Assert.True(
            (await harness.Client.CreateDatasetAsync(NewDataset(standIn, "keeps-failing", token), Cancel)).Succeeded
        );
        var next = await harness.Client.UploadFileAsync(File(folder, "b.csv", 10), "b.csv", null, Cancel);
        standIn.Faults.CreateServerErrors = 100;

        var failed = await Assert.ThrowsAsync<KaggleException>(() =>
            harness.Client.CreateDatasetVersionAsync(
                owner,
                "keeps-failing",
                new NewDatasetVersion("v2", false, [new DatasetFileUpload(next)], null, null, []),
                Cancel
            )
        );

        Assert.Equal((KaggleFailure.ServerError, 500), (failed.Failure, failed.StatusCode));
        Assert.Contains("3 attempts", failed.Message, StringComparison.Ordinal);
        Assert.Equal(3, harness.Sent.Calls("CreateDatasetVersion"));
        Assert.Single(standIn.Find(owner, "keeps-failing")!.Versions);
    }

    [Fact]
    public async Task A_version_whose_answer_is_lost_is_not_created_twice()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn, o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));
        using var folder = new TempFolder();
        var owner = standIn.Options.Username;
        var token = await harness.Client.UploadFileAsync(File(folder, "a.csv", 10), "a.csv", null, Cancel);
        Assert.True(
            (await harness.Client.CreateDatasetAsync(NewDataset(standIn, "slow-answers", token), Cancel)).Succeeded
        );
        var next = await harness.Client.UploadFileAsync(File(folder, "b.csv", 10), "b.csv", null, Cancel);
        standIn.Faults.CreateAnswerDelay = TimeSpan.FromMinutes(1);

        var version = await harness.Client.CreateDatasetVersionAsync(
            owner,
            "slow-answers",
            new NewDatasetVersion("v2", false, [new DatasetFileUpload(next)], null, null, []),
            Cancel
        );

        Assert.True(version.Succeeded);
        Assert.Equal($"{owner}/slow-answers", version.Ref);
        Assert.Equal(1, harness.Sent.Calls("CreateDatasetVersion"));
        Assert.Equal([1, 2], standIn.Find(owner, "slow-answers")!.Versions.Select(v => v.Number));
        Assert.Contains(harness.Logger.Lines, l => l.Contains("not sending it again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_Unreachable_after_every_attempt()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(
            standIn,
            o =>
            {
                o.Endpoint = "http://127.0.0.1:1";
                o.MaxAttempts = 2;
            }
        );

        var failed = await Assert.ThrowsAsync<KaggleException>(() =>
            harness.Client.GetDatasetAsync("a", "b-dataset", Cancel)
        );

        Assert.Equal(KaggleFailure.Unreachable, failed.Failure);
        Assert.Equal(2, harness.Sent.Requests.Count);
    }

    [Fact]
    public async Task No_credential_or_upload_address_appears_in_the_logs()
    {
        await using var standIn = await StartAsync(o => o.StatusPollsUntilReady = 2);
        using var harness = new Harness(standIn, o => o.MaxAttempts = 4);
        using var basic = new Harness(standIn, credentials: Key(standIn));
        using var folder = new TempFolder();
        var owner = standIn.Options.Username;
        var path = File(folder, "posts.csv", (3 * Chunk) + 5);

        // Every path that logs: chunks, a drop and its probe, 503s, an expiry, retries of a create, status polls, a refusal.
        standIn.Faults.DropUploadAfterBytes = Chunk + 100;
        standIn.Faults.UploadUnavailable = 1;
        var expired = false;
        var token = await harness.Client.UploadFileAsync(
            path,
            "posts.csv",
            new SyncProgress<long>(held =>
            {
                if (!expired && held >= 2 * Chunk)
                {
                    expired = true;
                    standIn.Faults.ExpireUploadUrls();
                }
            }),
            Cancel
        );
        standIn.Faults.CreateServerErrors = 1;
        Assert.True(
            (await harness.Client.CreateDatasetAsync(NewDataset(standIn, "no-secrets", token), Cancel)).Succeeded
        );
        await harness.Client.WaitUntilReadyAsync(owner, "no-secrets", null, Cancel);
        var basicToken = await basic.Client.UploadFileAsync(path, "posts.csv", null, Cancel);
        var version = new NewDatasetVersion("v2", false, [new DatasetFileUpload(basicToken)], null, null, []);
        Assert.True((await basic.Client.CreateDatasetVersionAsync(owner, "no-secrets", version, Cancel)).Succeeded);
        standIn.Faults.RefuseCredentials = true;
        await Assert.ThrowsAsync<KaggleException>(() => harness.Client.GetDatasetAsync(owner, "no-secrets", Cancel));
        await Assert.ThrowsAsync<KaggleException>(() => basic.Client.GetDatasetAsync(owner, "no-secrets", Cancel));

        var lines = harness.Logger.Lines.Concat(basic.Logger.Lines).ToList();
        Assert.Contains(lines, l => l.Contains("retrying", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("resuming", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("expired", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("refused the credentials", StringComparison.Ordinal));
        string[] secrets =
        [
            standIn.Options.ApiToken,
            standIn.Options.Key,
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{standIn.Options.Username}:{standIn.Options.Key}")),
            "upload_id",
            "/upload/",
            "Authorization",
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
