using Microsoft.Playwright;

namespace PHDB.Admin.EndToEndTests;

/// <summary>Bounded browser waits that fail with what was expected, in words.</summary>
public static class Bounded
{
    /// <summary>Runs a bounded Playwright wait or assertion; its failure is reported as <paramref name="expectation"/>.</summary>
    public static async Task ExpectAsync(string expectation, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (Exception e) when (e is PlaywrightException or System.TimeoutException)
        {
            throw new System.TimeoutException($"Expected: {expectation}. {FirstLines(e.Message)}", e);
        }
    }

    private static string FirstLines(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(4));
}
