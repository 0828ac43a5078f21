using static PHDB.Kaggle.Tests.StandInTesting;

namespace PHDB.Kaggle.Tests;

/// <summary>Uploads go in chunks, resume where the stand-in says the bytes stopped, survive 503s and expired addresses.</summary>
public sealed class UploadTests
{
    private static async Task<string> PublishedSha256Async(Harness harness, string slug, string token)
    {
        var created = await harness.Client.CreateDatasetAsync(NewDataset(harness.StandIn, slug, token), Cancel);
        Assert.True(created.Succeeded, created.Error);
        return Assert.Single(harness.StandIn.Find(harness.StandIn.Options.Username, slug)!.CurrentVersion.Files).Sha256;
    }

    [Fact]
    public async Task A_file_goes_in_chunks_each_naming_its_range_without_Authorization()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn);
        using var folder = new TempFolder();
        const int Length = (3 * Chunk) + 7;
        var path = File(folder, "posts.csv", Length);

        var token = await harness.Client.UploadFileAsync(path, "posts.csv", null, Cancel);

        Assert.Equal(
            [
                $"bytes 0-{Chunk - 1}/{Length}",
                $"bytes {Chunk}-{(2 * Chunk) - 1}/{Length}",
                $"bytes {2 * Chunk}-{(3 * Chunk) - 1}/{Length}",
                $"bytes {3 * Chunk}-{Length - 1}/{Length}",
            ],
            harness.Sent.Puts.Select(p => p.ContentRange)
        );
        Assert.All(harness.Sent.Puts, p => Assert.False(p.Authorized));
        Assert.All(harness.Sent.Requests.Where(r => r.Method == "POST"), p => Assert.True(p.Authorized));
        Assert.Equal(Length, standIn.UploadBytesReceived);
        Assert.Equal(Sha256(path), await PublishedSha256Async(harness, "chunked-upload", token));
    }

    [Theory]
    [InlineData((5 * Chunk) + 1_000, (Chunk * 3) / 2)] // mid second chunk
    [InlineData((5 * Chunk) + 1_000, 2 * Chunk)] // on a chunk boundary
    [InlineData(100_000, 40_000)] // within the one plain PUT of a small file
    public async Task A_dropped_connection_resumes_where_the_bytes_stopped(int length, long dropAfter)
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn);
        using var folder = new TempFolder();
        var path = File(folder, "votes.csv", length);
        standIn.Faults.DropUploadAfterBytes = dropAfter;
        var reported = new List<long>();

        var token = await harness.Client.UploadFileAsync(
            path,
            "votes.csv",
            new SyncProgress<long>(reported.Add),
            Cancel
        );

        // Resumed, not restarted: one upload address, a probe after the drop, and at most one chunk sent twice.
        Assert.Equal(1, harness.Sent.Calls("StartBlobUpload"));
        Assert.Equal($"bytes */{length}", Assert.Single(harness.Sent.Probes).ContentRange);
        Assert.InRange(standIn.UploadBytesReceived, length, length + Chunk);
        Assert.Contains(dropAfter, reported);
        Assert.Equal(length, reported[^1]);
        Assert.Equal(reported.Order(), reported);
        Assert.Equal(Sha256(path), await PublishedSha256Async(harness, "resumed-upload", token));
    }

    [Fact]
    public async Task Upload_answers_503_are_retried_with_a_probe_first()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn);
        using var folder = new TempFolder();
        var length = (2 * Chunk) + 10;
        var path = File(folder, "comments.csv", length);
        standIn.Faults.UploadUnavailable = 2;

        var token = await harness.Client.UploadFileAsync(path, "comments.csv", null, Cancel);

        Assert.Equal(2, standIn.Requests.Count(r => r.Method == "PUT" && r.Status == 503));
        Assert.NotEmpty(harness.Sent.Probes);
        Assert.Equal(length, standIn.UploadBytesReceived);
        Assert.Equal(Sha256(path), await PublishedSha256Async(harness, "after-503s", token));
    }

    [Fact]
    public async Task Upload_answers_503_past_every_attempt_are_a_ServerError()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn, o => o.MaxAttempts = 3);
        using var folder = new TempFolder();
        standIn.Faults.UploadUnavailable = 1_000;

        var failed = await Assert.ThrowsAsync<KaggleException>(() =>
            harness.Client.UploadFileAsync(File(folder, "a.csv", 1_000), "a.csv", null, Cancel)
        );

        Assert.Equal((KaggleFailure.ServerError, 503), (failed.Failure, failed.StatusCode));
        Assert.Equal(3, harness.Sent.Puts.Count());
    }

    [Fact]
    public async Task An_expired_upload_address_starts_the_upload_again_with_a_new_one()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn);
        using var folder = new TempFolder();
        var length = (4 * Chunk) + 3;
        var path = File(folder, "posts.csv", length);
        var expired = false;
        var reported = new List<long>();
        var progress = new SyncProgress<long>(held =>
        {
            reported.Add(held);
            if (!expired && held >= 2 * Chunk)
            {
                expired = true;
                standIn.Faults.ExpireUploadUrls();
            }
        });

        var token = await harness.Client.UploadFileAsync(path, "posts.csv", progress, Cancel);

        Assert.Equal(2, harness.Sent.Calls("StartBlobUpload"));
        Assert.Equal(1, standIn.Requests.Count(r => r.Method == "PUT" && r.Status == 404));
        Assert.Equal(length + (2 * Chunk), standIn.UploadBytesReceived);
        Assert.Equal([Chunk, 2 * Chunk, 0, Chunk, 2 * Chunk, 3 * Chunk, 4 * Chunk, length], reported);
        Assert.Equal(Sha256(path), await PublishedSha256Async(harness, "after-expiry", token));
    }

    [Fact]
    public async Task An_upload_that_keeps_expiring_fails_as_UploadExpired_after_a_bounded_number_of_starts()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn);
        using var folder = new TempFolder();
        var progress = new SyncProgress<long>(held =>
        {
            if (held > 0)
            {
                standIn.Faults.ExpireUploadUrls();
            }
        });

        var failed = await Assert.ThrowsAsync<KaggleException>(() =>
            harness.Client.UploadFileAsync(File(folder, "a.csv", 3 * Chunk), "a.csv", progress, Cancel)
        );

        Assert.Equal(KaggleFailure.UploadExpired, failed.Failure);
        Assert.Equal(3, harness.Sent.Calls("StartBlobUpload"));
    }

    [Fact]
    public async Task An_empty_file_is_uploaded_and_published()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn);
        using var folder = new TempFolder();
        var empty = Path.Combine(folder.Path, "empty.csv");
        await System.IO.File.WriteAllBytesAsync(empty, [], Cancel);
        var reported = new List<long>();

        var token = await harness.Client.UploadFileAsync(
            empty,
            "empty.csv",
            new SyncProgress<long>(reported.Add),
            Cancel
        );

        Assert.Equal([0L], reported);
        var put = Assert.Single(harness.Sent.Puts);
        Assert.Equal((null, 0L), (put.ContentRange, put.ContentLength));
        Assert.Equal(Sha256(empty), await PublishedSha256Async(harness, "empty-file", token));
    }

    [Fact]
    public async Task Memory_stays_about_one_chunk_whatever_the_file_size()
    {
        await using var standIn = await StartAsync();
        using var harness = new Harness(standIn, o => o.UploadChunkBytes = 1024 * 1024);
        using var folder = new TempFolder();
        const int Length = 48 * 1024 * 1024;
        var path = File(folder, "big.bin", Length);
        // Warm up: the pooled buffer, the connection and the JIT.
        await harness.Client.UploadFileAsync(File(folder, "warm.bin", 2 * 1024 * 1024), "warm.bin", null, Cancel);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await harness.Client.UploadFileAsync(path, "big.bin", null, Cancel);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // Client and stand-in together, in this process: far less than the file (a copy of it would be 48 MiB).
        Assert.True(allocated < Length / 4, $"{allocated / 1024 / 1024} MiB allocated to upload a 48 MiB file.");
    }
}
