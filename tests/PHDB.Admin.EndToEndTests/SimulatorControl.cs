using System.Net.Http.Json;

namespace PHDB.Admin.EndToEndTests;

/// <summary>The simulator's <c>/_sim/</c> control API: its clock, its faults and its truth.</summary>
public sealed class SimulatorControl(Uri simulatorUrl) : IDisposable
{
    private readonly HttpClient client = new() { BaseAddress = simulatorUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Moves the simulated clock forward by <paramref name="by"/>: posts launch, votes and comments arrive.</summary>
    public async Task AdvanceClockAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync(
            new Uri($"/_sim/clock/advance?seconds={(long)by.TotalSeconds}", UriKind.Relative),
            content: null,
            cancellationToken
        );
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Delays every API answer by <paramref name="delay"/> (a slow API: runs take long enough to steer).</summary>
    public async Task SlowDownAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        using var response = await client.PutAsJsonAsync(
            new Uri("/_sim/faults", UriKind.Relative),
            new { slowRate = 1.0, slowDelayMilliseconds = (int)delay.TotalMilliseconds },
            cancellationToken
        );
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Removes every injected fault.</summary>
    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        using var response = await client.PutAsJsonAsync(
            new Uri("/_sim/faults", UriKind.Relative),
            new { slowRate = 0.0 },
            cancellationToken
        );
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many posts have launched by the simulated now (the truth's posts).</summary>
    public async Task<int> LaunchedPostsAsync(CancellationToken cancellationToken)
    {
        var truth = await client.GetStringAsync(new Uri("/_sim/truth/posts", UriKind.Relative), cancellationToken);
        return truth.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    /// <inheritdoc />
    public void Dispose() => client.Dispose();
}
