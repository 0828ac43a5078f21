using Spectre.Console;

namespace PHDB.Cli.Interactive;

/// <summary>A token that fires when the user presses Esc or q, for leaving a live display without Ctrl-C.</summary>
internal sealed class KeyWatch : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly Task watching;

    public KeyWatch(IAnsiConsole console, CancellationToken outer)
    {
        source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        watching = WatchAsync(console.Input, source);
    }

    /// <summary>Fires on Esc, q, or when the outer token fires.</summary>
    public CancellationToken Token => source.Token;

    private static async Task WatchAsync(IAnsiConsoleInput input, CancellationTokenSource source)
    {
        try
        {
            while (!source.IsCancellationRequested)
            {
                var key = await input.ReadKeyAsync(intercept: true, source.Token);
                if (key is { Key: ConsoleKey.Escape or ConsoleKey.Q })
                {
                    await source.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Done watching.
        }
    }

    public void Dispose()
    {
        source.Cancel();
        watching.Wait(TimeSpan.FromSeconds(1));
        source.Dispose();
    }
}
