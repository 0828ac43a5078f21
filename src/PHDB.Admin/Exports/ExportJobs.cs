using Microsoft.Extensions.Options;
using PHDB.Export;

namespace PHDB.Admin.Exports;

/// <summary>
/// The console's exports: runs at most one <see cref="ExportRunner"/> export at a time in the background, keeps its
/// live state (per-table progress, the outcome, the error line) and tells subscribers when it changes: at once when
/// an export starts or ends, and at most every <see cref="NotifyInterval"/> while rows flow.
/// </summary>
public sealed partial class ExportJobs : IProgress<ExportProgress>, IDisposable
{
    /// <summary>The least time between two progress notifications.</summary>
    public static readonly TimeSpan NotifyInterval = TimeSpan.FromMilliseconds(250);

    private readonly ExportRunner runner;
    private readonly string directory;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<ExportJobs> logger;
    private readonly Lock gate = new();
    private readonly Lock delivery = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<ExportProgress> tables = [];
    private ExportJobView current = ExportJobView.Idle;
    private DateTimeOffset lastNotified = DateTimeOffset.MinValue;
    private ITimer? pendingNotification;
    private bool disposed;

    /// <summary>Creates the job runner for the exports directory of <paramref name="options"/>.</summary>
    public ExportJobs(
        ExportRunner runner,
        IOptions<ExportOptions> options,
        TimeProvider timeProvider,
        ILogger<ExportJobs> logger
    )
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        this.runner = runner;
        directory = options.Value.Directory;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>The current (or last) export.</summary>
    public ExportJobView Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>Raised with the newest view after a change (on a background thread, never two at once).</summary>
    public event Action<ExportJobView>? Changed;

    /// <summary>
    /// Starts <paramref name="request"/> in the background unless an export is running; a failure to write it shows
    /// in <see cref="Current"/>, not here.
    /// </summary>
    public ExportStart Start(ExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (current.IsRunning)
            {
                LogRefused(logger, current.Name ?? "(starting)");
                var which = current.Name is { } name ? $" ({name})" : "";
                return new ExportStart(
                    false,
                    current.Name,
                    $"An export is running already{which}: wait until it finishes, then start another."
                );
            }

            tables.Clear();
            current = new ExportJobView(
                ExportJobState.Running,
                null,
                request,
                timeProvider.GetUtcNow(),
                null,
                [],
                null,
                null,
                null
            );
        }

        // The name is chosen here, so the page knows it from the start.
        if (request.Output is null && request.Name is null)
        {
            request = request with { Name = FreeName(directory, timeProvider.GetUtcNow()) };
        }

        Task<ExportResult> run;

        // The runner's continuations must not come back to the caller's context (a page's circuit): without one they
        // run on the thread pool. Up to its first wait the runner chooses and creates its folder, on this thread.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            run = runner.RunAsync(request, this, stopping.Token);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }

        var started = request.Output is null ? request.Name : NameOf(request.Output);
        lock (gate)
        {
            if (current.IsRunning && current.Name is null)
            {
                current = current with { Name = started };
            }
        }

        var formatList = string.Join(",", request.Formats);
        LogStarted(logger, started ?? "(unnamed)", request.Layout, formatList);
        Notify(immediately: true);
        _ = FollowAsync(run);
        return new ExportStart(true, started, null);
    }

    /// <inheritdoc />
    void IProgress<ExportProgress>.Report(ExportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            if (!current.IsRunning)
            {
                return;
            }

            var index = tables.FindIndex(t => t.Table == value.Table);
            if (index < 0)
            {
                tables.Add(value);
            }
            else
            {
                tables[index] = value;
            }

            current = current with { Tables = [.. tables] };
        }

        Notify(immediately: false);
    }

    /// <summary>Cancels a running export (its unfinished folder is removed) and stops notifying.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            pendingNotification?.Dispose();
            pendingNotification = null;
        }

        stopping.Cancel();
        stopping.Dispose();
    }

    private async Task FollowAsync(Task<ExportResult> run)
    {
        try
        {
            var result = await run.ConfigureAwait(false);
            Finish(ExportJobState.Succeeded, result, null, null);
        }
        catch (ExportFailedException e)
        {
            Finish(ExportJobState.Failed, null, OneLine(e.Message), e.Failure);
        }
        catch (OperationCanceledException)
        {
            Finish(ExportJobState.Failed, null, "The export was cancelled: the console is shutting down.", null);
        }
#pragma warning disable CA1031 // Whatever went wrong is the job's outcome, shown on the page; nothing may escape.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogUnexpected(logger, e);
            Finish(ExportJobState.Failed, null, OneLine($"The export failed: {e.Message}"), ExportFailure.Unexpected);
        }
    }

    private void Finish(ExportJobState state, ExportResult? result, string? error, ExportFailure? failure)
    {
        lock (gate)
        {
            current = current with
            {
                State = state,
                Name = result?.Name ?? current.Name,
                FinishedAt = timeProvider.GetUtcNow(),
                Tables = [.. tables],
                Error = error,
                Failure = failure,
                Result = result,
            };
        }

        Notify(immediately: true);
    }

    private void Notify(bool immediately)
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            var now = timeProvider.GetUtcNow();
            var wait = lastNotified + NotifyInterval - now;
            if (!immediately && wait > TimeSpan.Zero)
            {
                pendingNotification ??= timeProvider.CreateTimer(
                    _ => Notify(immediately: true),
                    null,
                    wait,
                    Timeout.InfiniteTimeSpan
                );
                return;
            }

            pendingNotification?.Dispose();
            pendingNotification = null;
            lastNotified = now;
        }

        // One delivery at a time, each with the view current at delivery: a subscriber never sees an older view last.
        lock (delivery)
        {
            var view = Current;
            foreach (var subscriber in Changed?.GetInvocationList() ?? [])
            {
                try
                {
                    ((Action<ExportJobView>)subscriber)(view);
                }
#pragma warning disable CA1031 // A failing subscriber (a page being torn down) must not stop the others or the job.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogSubscriberFailed(logger, e);
                }
            }
        }
    }

    /// <summary>The default export name for <paramref name="now"/>, with a suffix if an export of that second exists.</summary>
    private static string FreeName(string directory, DateTimeOffset now)
    {
        var name = ExportRunner.NameAt(now);
        var candidate = name;
        for (var n = 2; Directory.Exists(Path.Join(directory, candidate)); n++)
        {
            candidate = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}-{n}");
        }

        return candidate;
    }

    private static string NameOf(string output) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(output)));

    private static string OneLine(string message)
    {
        var line = message.Split(['\r', '\n'], 2)[0].Trim();
        return line.Length == 0 ? "The export failed." : line;
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Export {Name} started from the console: layout {Layout}, formats {Formats}."
    )]
    private static partial void LogStarted(ILogger logger, string name, string layout, string formats);

    [LoggerMessage(Level = LogLevel.Information, Message = "An export was refused: export {Name} is running.")]
    private static partial void LogRefused(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "The export failed unexpectedly.")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber to the export's progress failed.")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);
}
