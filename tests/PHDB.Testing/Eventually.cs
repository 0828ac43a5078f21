using System.Diagnostics;

namespace PHDB.Testing;

/// <summary>Bounded waits for conditions that become true asynchronously, failing with what was expected.</summary>
public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="condition"/> until it returns <see langword="true"/>, at most for <paramref name="timeout"/>;
    /// then fails with <paramref name="expectation"/> and the last exception the condition threw, if any.
    /// </summary>
    public static async Task HoldsAsync(
        Func<Task<bool>> condition,
        TimeSpan timeout,
        string expectation,
        TimeSpan? pollInterval = null
    )
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                if (await condition())
                {
                    return;
                }

                last = null;
            }
#pragma warning disable CA1031 // A poll may fail while the system settles; the last failure is reported.
            catch (Exception e)
#pragma warning restore CA1031
            {
                last = e;
            }

            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException(
            $"Expected within {timeout.TotalSeconds:F0} s: {expectation}."
                + (last is null ? "" : $" Last error: {last.Message}"),
            last
        );
    }
}
