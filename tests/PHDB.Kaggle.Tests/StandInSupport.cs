using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PHDB.Kaggle.StandIn;

namespace PHDB.Kaggle.Tests;

/// <summary>Clients of a stand-in, files to upload, and what the client sent and logged.</summary>
internal static class StandInTesting
{
    public const int Chunk = 256 * 1024;

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static Task<KaggleStandIn> StartAsync(Action<KaggleStandInOptions>? configure = null)
    {
        var options = new KaggleStandInOptions();
        configure?.Invoke(options);
        return KaggleStandIn.StartAsync(options, Cancel);
    }

    public static KaggleCredentials Token(KaggleStandIn standIn) =>
        new(KaggleAuthScheme.Bearer, "KAGGLE_API_TOKEN", standIn.Options.ApiToken);

    public static KaggleCredentials Key(KaggleStandIn standIn) =>
        new(KaggleAuthScheme.Basic, "~/.kaggle/kaggle.json", standIn.Options.Key, standIn.Options.Username);

    public static KaggleOptions Options(KaggleStandIn standIn, Action<KaggleOptions>? configure = null)
    {
        var options = new KaggleOptions
        {
            Endpoint = standIn.Endpoint.ToString(),
            UploadChunkBytes = Chunk,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxAttempts = 4,
            RequestTimeout = TimeSpan.FromSeconds(20),
            StatusPollInterval = TimeSpan.FromMilliseconds(5),
            StatusTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A file of <paramref name="length"/> pseudo-random bytes.</summary>
    public static string File(TempFolder folder, string name, int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        var path = System.IO.Path.Combine(folder.Path, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string Sha256(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(path)));

    public static Wire.NewDataset NewDataset(KaggleStandIn standIn, string slug, params string[] tokens) =>
        new(
            standIn.Options.Username,
            slug,
            "Product Hunt posts and votes",
            "CC0-1.0",
            "Every Product Hunt launch with its makers and timed votes",
            "A test dataset.",
            true,
            [.. tokens.Select(t => new Wire.DatasetFileUpload(t))],
            ["business"]
        );
}

/// <summary>A client with the network of a real <see cref="SocketsHttpHandler"/>, recording what it sent.</summary>
internal sealed class Harness : IDisposable
{
    public Harness(
        KaggleStandIn standIn,
        Action<KaggleOptions>? configure = null,
        KaggleCredentials? credentials = null
    )
    {
        StandIn = standIn;
        Options = StandInTesting.Options(standIn, configure);
        Credentials = credentials ?? StandInTesting.Token(standIn);
        Client = new KaggleApiClient(Options, Credentials, Logger, handler: Sent);
    }

    public KaggleStandIn StandIn { get; }

    public KaggleOptions Options { get; }

    public KaggleCredentials Credentials { get; }

    public CapturingLogger<KaggleApiClient> Logger { get; } = new();

    public RecordingHandler Sent { get; } = new();

    public KaggleApiClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Sent.Dispose();
    }
}

/// <summary>What was sent over the network: method, path, whether it carried Authorization, its Content-Range and length.</summary>
internal sealed record SentRequest(
    string Method,
    string Path,
    bool Authorized,
    string? ContentRange,
    long? ContentLength
);

/// <summary>Passes every request to a real <see cref="SocketsHttpHandler"/> and records its headers.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<SentRequest> _sent = new();

    public RecordingHandler()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false }) { }

    public IReadOnlyList<SentRequest> Requests => [.. _sent];

    public IEnumerable<SentRequest> Puts => Requests.Where(r => r.Method == "PUT");

    public IEnumerable<SentRequest> Probes =>
        Puts.Where(r => r.ContentRange?.StartsWith("bytes */", StringComparison.Ordinal) == true);

    public int Calls(string method) =>
        Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/" + method, StringComparison.Ordinal));

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        _sent.Enqueue(
            new SentRequest(
                request.Method.Method,
                request.RequestUri!.AbsolutePath,
                request.Headers.Authorization is not null,
                request.Content?.Headers.ContentRange?.ToString(),
                request.Content?.Headers.ContentLength
            )
        );
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Keeps every log line (message, state values and exception) for checks.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    )
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : "";
        _lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} | {values} | {exception}");
    }
}

/// <summary>Reports synchronously on the reporting thread (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
