using Microsoft.Extensions.Logging;

namespace PHDB.Kaggle.Benchmarks;

/// <summary>
/// The Kaggle client's logger: counts retries and resumptions, adds up the bytes the client says it sent, and echoes
/// warnings and resumptions to standard error.
/// </summary>
internal sealed class UploadLogRecorder : ILogger<KaggleApiClient>
{
    private long sent;
    private int retries;
    private int resumes;

    public long SentBytes => Interlocked.Read(ref sent);

    public int Retries => Volatile.Read(ref retries);

    public int Resumes => Volatile.Read(ref resumes);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    )
    {
        ArgumentNullException.ThrowIfNull(formatter);
        switch (eventId.Name)
        {
            case "Retrying":
                Interlocked.Increment(ref retries);
                break;
            case "UploadResuming":
                Interlocked.Increment(ref resumes);
                break;
            case "Uploaded" when Value(state, "Sent") is long bytes:
                Interlocked.Add(ref sent, bytes);
                return;
        }

        if (logLevel >= LogLevel.Warning || eventId.Name == "UploadResuming")
        {
            Console.Error.WriteLine($"  client: {formatter(state, exception)}");
        }
    }

    private static object? Value<TState>(TState state, string key) =>
        state is IReadOnlyList<KeyValuePair<string, object?>> values
            ? values.FirstOrDefault(v => v.Key == key).Value
            : null;
}
