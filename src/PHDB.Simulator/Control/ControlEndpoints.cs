using System.Text.Json;
using PHDB.Simulator.Api;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.World;

namespace PHDB.Simulator.Control;

/// <summary>The <c>/_sim/</c> control and truth API for tests, benchmarks and the demo; never part of the API paths.</summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_sim";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix);

        group.MapGet(
            "/truth/{kind}",
            async (string kind, HttpContext http, SimulatorState state) =>
            {
                if (!TruthWriter.Kinds.Contains(kind, StringComparer.Ordinal))
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    await http.Response.WriteAsJsonAsync(
                        new { error = "unknown_truth", kinds = TruthWriter.Kinds },
                        http.RequestAborted
                    );
                    return;
                }

                var now = state.Clock.Now;
                http.Response.ContentType = "application/x-ndjson; charset=utf-8";
                http.Response.Headers["X-Sim-Now"] = SimInstant.Format(now);
                await new TruthWriter(state.World, now).WriteAsync(kind, http.Response.Body, http.RequestAborted);
            }
        );

        group.MapGet("/clock", (SimulatorState state) => Results.Json(ClockBody(state)));

        group.MapPost(
            "/clock/advance",
            async (HttpContext http, SimulatorState state, ILogger<SimulatorState> logger) =>
            {
                long seconds = 0;
                if (long.TryParse(http.Request.Query["seconds"], out var fromQuery))
                {
                    seconds = fromQuery;
                }
                else if (http.Request.ContentLength is > 0 || http.Request.HasJsonContentType())
                {
                    try
                    {
                        using var document = await JsonDocument.ParseAsync(
                            http.Request.Body,
                            cancellationToken: http.RequestAborted
                        );
                        var root = document.RootElement;
                        if (root.TryGetProperty("seconds", out var value) && value.TryGetInt64(out var s))
                        {
                            seconds = s;
                        }
                        else if (root.TryGetProperty("to", out var to) && to.TryGetDateTimeOffset(out var target))
                        {
                            seconds = Math.Max(0, SimInstant.From(target) - state.Clock.Now);
                        }
                    }
                    catch (JsonException)
                    {
                        return Results.BadRequest(new { error = "invalid_body" });
                    }
                }

                if (seconds < 0)
                {
                    return Results.BadRequest(new { error = "time_only_moves_forward" });
                }

                state.Clock.Advance(seconds);
                SimulatorLog.ClockAdvanced(logger, SimInstant.Format(state.Clock.Now));
                return Results.Json(ClockBody(state));
            }
        );

        group.MapGet(
            "/stats",
            (SimulatorState state) =>
                Results.Json(new { now = SimInstant.Format(state.Clock.Now), applications = state.Stats.Read() })
        );

        group.MapGet("/faults", (SimulatorState state) => Results.Json(state.Faults.Current));

        group.MapPut(
            "/faults",
            (FaultOptions faults, SimulatorState state, ILogger<SimulatorState> logger) =>
            {
                var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
                if (
                    !System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
                        faults,
                        new(faults),
                        errors,
                        validateAllProperties: true
                    )
                )
                {
                    return Results.BadRequest(
                        new { error = "invalid_faults", details = errors.Select(e => e.ErrorMessage) }
                    );
                }

                state.Faults.Replace(faults);
                SimulatorLog.FaultsReplaced(logger);
                return Results.Json(state.Faults.Current);
            }
        );

        group.MapGet(
            "/world",
            (SimulatorState state) =>
            {
                var world = state.World;
                var now = state.Clock.Now;
                return Results.Json(
                    new
                    {
                        seed = state.Options.Seed,
                        scale = world.Scale,
                        now = SimInstant.Format(now),
                        postsGenerated = world.PostCount,
                        postsLaunched = world.VisiblePostCount(now),
                        users = world.UserCount,
                        topics = world.Topics.Length,
                        collections = world.Collections.Length,
                        horizonEnd = SimInstant.Format(world.HorizonEnd),
                        applications = state.Registry.Applications.Select(a => new
                        {
                            name = a.Name,
                            ownerUserId = a.OwnerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        }),
                    }
                );
            }
        );
    }

    private static object ClockBody(SimulatorState state) => new { now = SimInstant.Format(state.Clock.Now) };
}
