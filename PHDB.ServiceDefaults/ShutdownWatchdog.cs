using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Ends the process when stopping overruns <see cref="ShutdownBounds.Deadline"/>: a stop that waits on something that
/// never answers (a database that is gone or frozen, a deactivation that never completes) must not keep the process
/// alive, listening on its ports, after its application has asked it to end. Logs one line saying why.
/// </summary>
internal sealed partial class ShutdownWatchdog(
    IHostApplicationLifetime lifetime,
    IHostEnvironment environment,
    ILogger<ShutdownWatchdog> logger
) : IHostedService, IDisposable
{
    /// <summary>Exit code of a process ended by the watchdog (EX_SOFTWARE).</summary>
    internal const int OverrunExitCode = 70;

    private const string Stopping = "stopping its services";
    private const string Exiting = "exiting after its services stopped";

    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _stopping;
    private CancellationTokenRegistration _stoppedRegistration;
    private int _armed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = lifetime.ApplicationStopping.Register(Arm);
        _stoppedRegistration = lifetime.ApplicationStopped.Register(() => _stopped.TrySetResult());
        return Task.CompletedTask;
    }

    // The watch outlives the host's stop: disposing the host (which may itself hang) does not disarm it.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _stopping.Dispose();
        _stoppedRegistration.Dispose();
    }

    private void Arm()
    {
        if (Interlocked.Exchange(ref _armed, 1) == 1)
        {
            return;
        }

        // A background thread, not a timer: it is a GC root while it waits and never keeps the process alive.
        var watch = new Thread(Watch) { IsBackground = true, Name = "PHDB shutdown watchdog" };
        watch.Start();
    }

    private void Watch()
    {
        var started = Stopwatch.GetTimestamp();
        var stopped = _stopped.Task.Wait(ShutdownBounds.Deadline);
        if (stopped)
        {
            // The host has stopped; its disposal (a last telemetry flush) and Main's return come next.
            var left = ShutdownBounds.ExitDeadline - Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero)
            {
                Thread.Sleep(left);
            }
        }

        StopOverran(
            logger,
            environment.ApplicationName,
            (stopped ? ShutdownBounds.ExitDeadline : ShutdownBounds.Deadline).TotalSeconds,
            stopped ? Exiting : Stopping
        );
        // The console logger writes from a queue of its own: give it a moment to print the line.
        Thread.Sleep(TimeSpan.FromMilliseconds(300));
        End();
    }

    private static void End()
    {
        if (OperatingSystem.IsWindows())
        {
            Environment.FailFast("Stopping overran its deadline.");
        }

        // Not Environment.Exit: it runs the host's process-exit handler, which waits for the very stop that hangs.
        Exit(OverrunExitCode);
    }

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void Exit(int status);

    [LoggerMessage(
        Level = LogLevel.Critical,
        Message = "{Application} did not end within {Seconds} s of being asked to stop (it hung {Phase}: something it waits on does not answer); ending the process now"
    )]
    private static partial void StopOverran(ILogger logger, string application, double seconds, string phase);
}
