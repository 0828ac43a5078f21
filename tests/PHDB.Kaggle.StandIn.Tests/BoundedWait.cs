using System.Diagnostics;

namespace PHDB.Kaggle.StandIn.Tests;

/// <summary>A bounded wait for a condition that becomes true on the server's side.</summary>
internal static class BoundedWait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string expectation)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Expected within {timeout.TotalSeconds:F0} s: {expectation}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
