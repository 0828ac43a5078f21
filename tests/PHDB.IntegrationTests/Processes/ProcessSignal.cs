using System.Diagnostics;
using System.Globalization;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Processes;

/// <summary>Signals to processes of this machine, sent with <c>kill</c> as an operator would send them.</summary>
internal static class ProcessSignal
{
    /// <summary>Sends <paramref name="signal"/> (a name such as <c>TERM</c>) to every process; false if one failed.</summary>
    public static async Task<bool> SendAsync(string signal, IEnumerable<int> pids, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kill") { ArgumentList = { "-" + signal } };
        foreach (var pid in pids)
        {
            start.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        }

        if (start.ArgumentList.Count == 1)
        {
            return true;
        }

        var result = await ProcessRun.RunAsync(start, null, TimeSpan.FromSeconds(10), cancellationToken);
        return result.ExitCode == 0;
    }
}
