namespace PHDB.AppHost;

/// <summary>
/// The dashboard's harvest commands on the silos: each posts to the silo's <c>/harvest/*</c> endpoint (any replica
/// will do: the coordinator grain is cluster-wide) with the control key generated for this run.
/// </summary>
internal static class HarvestCommands
{
    /// <summary>The silos' control key, generated for each run and handed to them as <c>Harvest:ControlKey</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddSiloControlKey(this IDistributedApplicationBuilder builder) =>
        builder.AddParameter(
            "harvest-control-key",
            new GenerateParameterDefault { MinLength = 32, Special = false },
            secret: true
        );

    /// <summary>Hands the silos their control <paramref name="key"/> and adds the four commands.</summary>
    public static IResourceBuilder<ProjectResource> WithHarvestCommands(
        this IResourceBuilder<ProjectResource> silos,
        IResourceBuilder<ParameterResource> key
    )
    {
        silos.WithEnvironment("Harvest__ControlKey", key);

        HttpCommandOptions Options(string description, string icon, string? confirmation = null) =>
            ControlCommandOptions.Create(key, description, icon, confirmation);

        return silos
            .WithHttpCommand(
                "/harvest/incremental",
                "Start incremental",
                "http",
                "harvest-incremental",
                Options("Starts an incremental harvest unless a run is active.", "ArrowSync")
            )
            .WithHttpCommand(
                "/harvest/full",
                "Start full",
                "http",
                "harvest-full",
                Options(
                    "Starts a full harvest unless a run is active.",
                    "Play",
                    "Start a full harvest? It re-reads every post, comment and vote."
                )
            )
            .WithHttpCommand(
                "/harvest/pause",
                "Pause",
                "http",
                "harvest-pause",
                Options("Stops handing out work; leased pages finish.", "Pause")
            )
            .WithHttpCommand(
                "/harvest/resume",
                "Resume",
                "http",
                "harvest-resume",
                Options("Continues a paused run.", "Play")
            );
    }
}
