using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PHDB.Kaggle.Benchmarks;

/// <summary>
/// The simplest correct upload: StartBlobUpload as a raw JSON POST, then the whole file in one PUT whose body streams
/// from a <see cref="FileStream"/> (<see cref="StreamContent"/>); no chunks, no retry, no resumption.
/// </summary>
internal sealed class BaselineUploader(Uri endpoint, string apiToken) : IUploader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<string> UploadAsync(string path, string name, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        var ticket = await PostAsync<Ticket>(
            "blobs.BlobApiService/StartBlobUpload",
            new StartBlobUpload(
                "DATASET",
                name,
                info.Length,
                new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds()
            ),
            cancellationToken
        );
        await using var file = File.OpenRead(path);
        using var put = new HttpRequestMessage(HttpMethod.Put, ticket.CreateUrl) { Content = new StreamContent(file) };
        using var answer = await http.SendAsync(put, cancellationToken);
        if (answer.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new HttpRequestException($"upload of {name}: HTTP {(int)answer.StatusCode}");
        }

        return ticket.Token;
    }

    public async Task CreateDatasetAsync(
        string owner,
        string slug,
        IReadOnlyList<string> tokens,
        CancellationToken cancellationToken
    )
    {
        var answer = await PostAsync<CreateAnswer>(
            "datasets.DatasetApiService/CreateDataset",
            new CreateDataset(
                owner,
                slug,
                "Upload benchmark",
                "CC0-1.0",
                true,
                [.. tokens.Select(t => new NewFile(t))]
            ),
            cancellationToken
        );
        if (!string.IsNullOrEmpty(answer.Error))
        {
            throw new InvalidOperationException($"CreateDataset: {answer.Error}");
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<T> PostAsync<T>(string method, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "v1/" + method))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        using var answer = await http.SendAsync(request, cancellationToken);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private sealed record StartBlobUpload(string Type, string Name, long ContentLength, long LastModifiedEpochSeconds);

    private sealed record Ticket(string Token, Uri CreateUrl);

    private sealed record NewFile(string Token);

    private sealed record CreateDataset(
        string OwnerSlug,
        string Slug,
        string Title,
        string LicenseName,
        bool IsPrivate,
        IReadOnlyList<NewFile> Files
    );

    private sealed record CreateAnswer(string? Ref, string? Status, string? Error);
}
