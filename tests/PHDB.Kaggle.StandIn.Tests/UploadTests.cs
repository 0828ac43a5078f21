using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace PHDB.Kaggle.StandIn.Tests;

public sealed class UploadTests
{
    [Fact]
    public async Task A_resumable_upload_answers_308_with_the_range_held_until_complete_then_200()
    {
        await using var standIn = await KaggleStandIn.StartAsync(ct: TestContext.Current.CancellationToken);
        using var client = new StandInClient(standIn);
        var bytes = Bytes.Of(1_000_000);
        var (token, createUrl) = await client.StartUploadAsync("posts.csv", bytes.Length);

        using (var probe = await client.ProbeAsync(createUrl, bytes.Length))
        {
            Assert.Equal((HttpStatusCode)308, probe.StatusCode);
            Assert.Null(StandInClient.RangeOf(probe)); // nothing held yet: no Range at all
        }

        using (var first = await client.PutAsync(createUrl, bytes.AsMemory(0, 400_000), "bytes 0-399999/1000000"))
        {
            Assert.Equal((HttpStatusCode)308, first.StatusCode);
            Assert.Equal("bytes=0-399999", StandInClient.RangeOf(first));
        }

        using (var probe = await client.ProbeAsync(createUrl, bytes.Length))
        {
            Assert.Equal((HttpStatusCode)308, probe.StatusCode);
            Assert.Equal("bytes=0-399999", StandInClient.RangeOf(probe));
        }

        using (var gap = await client.PutAsync(createUrl, bytes.AsMemory(500_000), "bytes 500000-999999/1000000"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, gap.StatusCode);
        }

        // A resent overlap is accepted (the bytes held are the same ones), as GCS does.
        using (var rest = await client.PutAsync(createUrl, bytes.AsMemory(300_000), "bytes 300000-999999/1000000"))
        {
            Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        }

        using (var probe = await client.ProbeAsync(createUrl, bytes.Length))
        {
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        }

        Assert.Equal(1_100_000, standIn.UploadBytesReceived);
        Assert.All(
            standIn.Requests.Where(r => r.Method == "PUT"),
            r => Assert.DoesNotContain("?", r.Path, StringComparison.Ordinal)
        );

        var (status, answer) = await client.CallAsync(
            "CreateDataset",
            new
            {
                ownerSlug = "phdb-tester",
                slug = "resumed-upload",
                title = "Resumed upload",
                licenseName = "CC0-1.0",
                files = new[] { new { token } },
            }
        );
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", answer.GetProperty("status").GetString());
        var file = Assert.Single(standIn.Find("phdb-tester", "resumed-upload")!.CurrentVersion.Files);
        Assert.Equal(new StandInFile("posts.csv", bytes.Length, Bytes.Sha256(bytes)), file);
    }

    [Fact]
    public async Task An_upload_url_answers_404_once_expired_by_its_lifetime_or_by_the_fault()
    {
        var time = new FakeTimeProvider(
            DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)
        );
        await using var standIn = await KaggleStandIn.StartAsync(
            new KaggleStandInOptions { TimeProvider = time, UploadUrlLifetime = TimeSpan.FromMinutes(10) },
            TestContext.Current.CancellationToken
        );
        using var client = new StandInClient(standIn);
        var bytes = Bytes.Of(1000);

        var (_, aging) = await client.StartUploadAsync("a.csv", bytes.Length);
        time.Advance(TimeSpan.FromMinutes(9));
        using (var stillLive = await client.ProbeAsync(aging, bytes.Length))
        {
            Assert.Equal((HttpStatusCode)308, stillLive.StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        using (var expired = await client.PutAsync(aging, bytes))
        {
            Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        }

        var (_, fresh) = await client.StartUploadAsync("a.csv", bytes.Length);
        standIn.Faults.ExpireUploadUrls();
        using (var expired = await client.ProbeAsync(fresh, bytes.Length))
        {
            Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        }

        using (var unknown = await client.ProbeAsync(new Uri(standIn.Endpoint, "upload/nope?upload_id=x"), 1000))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Equal(0, standIn.UploadBytesReceived);
        var (_, later) = await client.StartUploadAsync("a.csv", bytes.Length);
        using var accepted = await client.PutAsync(later, bytes);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Unavailable_uploads_answer_503_without_keeping_the_body()
    {
        await using var standIn = await KaggleStandIn.StartAsync(ct: TestContext.Current.CancellationToken);
        using var client = new StandInClient(standIn);
        var bytes = Bytes.Of(50_000);
        var (_, createUrl) = await client.StartUploadAsync("a.csv", bytes.Length);
        standIn.Faults.UploadUnavailable = 2;

        for (var i = 0; i < 2; i++)
        {
            using var refused = await client.PutAsync(createUrl, bytes);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        Assert.Equal(0, standIn.UploadBytesReceived);
        using (var probe = await client.ProbeAsync(createUrl, bytes.Length))
        {
            Assert.Equal((HttpStatusCode)308, probe.StatusCode);
            Assert.Null(StandInClient.RangeOf(probe));
        }

        using var accepted = await client.PutAsync(createUrl, bytes);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(0, standIn.Faults.UploadUnavailable);
    }

    [Fact]
    public async Task A_dropped_upload_keeps_the_bytes_that_arrived_and_resumes_from_them()
    {
        await using var standIn = await KaggleStandIn.StartAsync(ct: TestContext.Current.CancellationToken);
        using var client = new StandInClient(standIn);
        var bytes = Bytes.Of(2_000_000);
        var (token, createUrl) = await client.StartUploadAsync("big.csv", bytes.Length);
        standIn.Faults.DropUploadAfterBytes = 700_000;

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.PutAsync(createUrl, bytes));

        Assert.Equal(700_000, standIn.UploadBytesReceived);
        Assert.Equal(0, standIn.Faults.DropUploadAfterBytes);
        using (var probe = await client.ProbeAsync(createUrl, bytes.Length))
        {
            Assert.Equal((HttpStatusCode)308, probe.StatusCode);
            Assert.Equal("bytes=0-699999", StandInClient.RangeOf(probe));
        }

        using (var rest = await client.PutAsync(createUrl, bytes.AsMemory(700_000), "bytes 700000-1999999/2000000"))
        {
            Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        }

        Assert.Equal(bytes.Length, standIn.UploadBytesReceived);
        Assert.Contains(standIn.Requests, r => r.Method == "PUT" && r.Status == 499);
        var (_, answer) = await client.CallAsync(
            "CreateDataset",
            new
            {
                ownerSlug = "phdb-tester",
                slug = "dropped-upload",
                title = "Dropped upload",
                licenseName = "CC0-1.0",
                files = new[] { new { token } },
            }
        );
        Assert.Equal("ok", answer.GetProperty("status").GetString());
        Assert.Equal(
            Bytes.Sha256(bytes),
            standIn.Find("phdb-tester", "dropped-upload")!.CurrentVersion.Files[0].Sha256
        );
    }
}
