using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PHDB.Kaggle.StandIn.Tests;

/// <summary>Raw HTTP against a stand-in, written from the protocol (no Kaggle client involved).</summary>
internal sealed class StandInClient : IDisposable
{
    private readonly HttpClient http;

    public StandInClient(KaggleStandIn standIn, AuthenticationHeaderValue? authorization = null)
    {
        StandIn = standIn;
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = standIn.Endpoint };
        Authorization = authorization ?? Basic(standIn.Options.Username, standIn.Options.Key);
    }

    public KaggleStandIn StandIn { get; }

    public AuthenticationHeaderValue? Authorization { get; set; }

    public static AuthenticationHeaderValue Basic(string username, string key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{key}")));

    /// <summary>Calls an RPC; answers the status and the JSON body (Kaggle's error shape on errors).</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(
        string method,
        object body,
        string prefix = "v1"
    ) => SendCallAsync(method, body, prefix, TestContext.Current.CancellationToken);

    /// <summary>Calls an RPC that the test may abandon by cancelling <paramref name="abandon"/>.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> AbandonableCallAsync(
        string method,
        object body,
        CancellationToken abandon
    ) => SendCallAsync(method, body, "v1", abandon);

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendCallAsync(
        string method,
        object body,
        string prefix,
        CancellationToken ct
    )
    {
        var service = method switch
        {
            "StartBlobUpload" => "blobs.BlobApiService",
            "IntrospectToken" => "security.OAuthService",
            _ => "datasets.DatasetApiService",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{prefix}/{service}/{method}")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = Authorization;
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        }

        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<(string Token, Uri CreateUrl)> StartUploadAsync(string name, long length)
    {
        var (status, body) = await CallAsync(
            "StartBlobUpload",
            new
            {
                type = "DATASET",
                name,
                contentLength = length,
                lastModifiedEpochSeconds = 1_700_000_000,
            }
        );
        Assert.Equal(HttpStatusCode.OK, status);
        return (body.GetProperty("token").GetString()!, new Uri(body.GetProperty("createUrl").GetString()!));
    }

    /// <summary>A PUT to a createUrl (no credentials); <paramref name="contentRange"/> as sent.</summary>
    public async Task<HttpResponseMessage> PutAsync(
        Uri createUrl,
        ReadOnlyMemory<byte> bytes,
        string? contentRange = null
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, createUrl)
        {
            Content = new ReadOnlyMemoryContent(bytes),
        };
        if (contentRange is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The probe: <c>Content-Length: 0</c>, <c>Content-Range: bytes */N</c>.</summary>
    public Task<HttpResponseMessage> ProbeAsync(Uri createUrl, long length) =>
        PutAsync(createUrl, ReadOnlyMemory<byte>.Empty, $"bytes */{length}");

    /// <summary>Uploads <paramref name="bytes"/> in one PUT; answers the blob token.</summary>
    public async Task<string> UploadAsync(string name, byte[] bytes)
    {
        var (token, createUrl) = await StartUploadAsync(name, bytes.Length);
        using var response = await PutAsync(createUrl, bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return token;
    }

    /// <summary>The <c>Range</c> header of a 308, or null when absent.</summary>
    public static string? RangeOf(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Range", out var values) ? values.ToString() : null;

    public void Dispose() => http.Dispose();
}
