using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PHDB.AppHost.Tests.Secrets;

/// <summary>
/// Keeps every log line of the AppHost, including the resources' console output the testing host forwards to its
/// loggers under the category <c>…Resources.&lt;resource&gt;</c>.
/// </summary>
public sealed class ConsoleOutputRecorder : ILoggerProvider
{
    private const string ResourcesCategory = ".Resources.";
    private readonly ConcurrentQueue<(string Category, string Line)> lines = new();

    /// <summary>The recorded lines with their categories.</summary>
    public IReadOnlyList<(string Category, string Line)> Lines => [.. lines];

    /// <summary>The resources (by name) that wrote at least one line.</summary>
    public IReadOnlySet<string> Resources =>
        lines.Select(l => ResourceOf(l.Category)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, lines);

    public void Dispose() { }

    private static string? ResourceOf(string category)
    {
        var at = category.LastIndexOf(ResourcesCategory, StringComparison.Ordinal);
        return at < 0 ? null : category[(at + ResourcesCategory.Length)..];
    }

    private sealed class Recorder(string category, ConcurrentQueue<(string, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            // The message, the values it was formatted from, and the exception.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            lines.Enqueue((category, $"{formatter(state, exception)} {values} {exception}"));
        }
    }
}
