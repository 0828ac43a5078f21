using System.Text.Json.Serialization;

namespace PHDB.Runtime;

/// <summary>
/// Where the PHDB an AppHost runs can be reached, as the AppHost leaves it in <see cref="RuntimeFile"/> for the
/// command line. Holds secrets (the database password, the API token): the file is readable by its owner only.
/// </summary>
/// <param name="ProcessId">The AppHost's process id: a file whose process is gone is stale.</param>
/// <param name="StartedAt">When the AppHost started.</param>
/// <param name="Environment">The AppHost's environment (profile), e.g. <c>Development</c>.</param>
/// <param name="AppHostDirectory">The AppHost's content root (its appsettings files), for <c>phdb config</c>.</param>
/// <param name="ConnectionString">The <c>phdb</c> database's connection string.</param>
/// <param name="ClusterId">The Orleans cluster id.</param>
/// <param name="ProductHuntBaseAddress">The API the silos harvest (the simulator's address when it runs).</param>
/// <param name="ProductHuntToken">The token the silos use, so <c>phdb verify</c> can check it.</param>
/// <param name="AdminUrl">The admin console's address.</param>
/// <param name="DashboardUrl">The Aspire dashboard's address.</param>
public sealed record RuntimeInfo(
    int ProcessId,
    DateTimeOffset StartedAt,
    string Environment,
    string AppHostDirectory,
    string ConnectionString,
    string ClusterId,
    Uri? ProductHuntBaseAddress,
    string? ProductHuntToken,
    Uri? AdminUrl,
    Uri? DashboardUrl
)
{
    /// <summary>Whether the AppHost that wrote this is still running.</summary>
    [JsonIgnore]
    public bool IsAlive
    {
        get
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(ProcessId);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
