using System.Net.Http.Json;

namespace PHDB.Testing.Harvest;

/// <summary>Sets the simulator's injected faults through its control API (<c>PUT /_sim/faults</c>).</summary>
public static class SimulatorFaults
{
    /// <summary>Makes that share of the API's answers (0 to 1) a 500 SERVER_ERROR.</summary>
    /// <param name="control">A client whose base address is the simulator.</param>
    /// <param name="rate">The share of answers that fail.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task SetServerErrorRateAsync(
        this HttpClient control,
        double rate,
        CancellationToken cancellationToken
    ) => control.SetFaultsAsync(new { serverErrorRate = rate }, cancellationToken);

    /// <summary>Replaces the simulator's fault settings with <paramref name="faults"/> (its JSON names, camelCase).</summary>
    /// <param name="control">A client whose base address is the simulator.</param>
    /// <param name="faults">The settings, e.g. <c>new { timeoutRate = 1.0 }</c>; those left out are off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task SetFaultsAsync(this HttpClient control, object faults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(control);
        using var response = await control.PutAsJsonAsync(
            new Uri("/_sim/faults", UriKind.Relative),
            faults,
            cancellationToken
        );
        response.EnsureSuccessStatusCode();
    }
}
