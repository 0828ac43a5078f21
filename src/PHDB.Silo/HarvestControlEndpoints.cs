using System.Text.Json;
using System.Text.Json.Serialization;
using PHDB.Grains.Harvest;

namespace PHDB.Silo;

/// <summary>
/// <c>POST /harvest/{incremental,full,pause,resume}</c>: the Aspire dashboard's harvest commands. Each calls the
/// coordinator grain (<c>default</c>) and answers its <see cref="HarvestStatus"/> as JSON. They require the header
/// <c>X-PHDB-Control-Key</c> equal to <c>Harvest:ControlKey</c>, and are not mapped when no key is configured.
/// </summary>
internal static class HarvestControlEndpoints
{
    public const string KeyHeader = ControlKeyEndpointExtensions.Header;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapHarvestControl(this WebApplication app)
    {
        var configured = app.Configuration["Harvest:ControlKey"];
        if (string.IsNullOrEmpty(configured))
        {
            return;
        }

        var harvest = app.MapGroup("/harvest").RequireControlKey(configured);

        Map(harvest, "/incremental", c => c.StartIncremental());
        Map(harvest, "/full", c => c.StartFull());
        Map(harvest, "/pause", c => c.PauseRun());
        Map(harvest, "/resume", c => c.ResumeRun());
    }

    private static void Map(RouteGroupBuilder group, string path, Func<IHarvestControl, Task<HarvestStatus>> action) =>
        group.MapPost(
            path,
            async (IGrainFactory grains) =>
                Results.Json(await action(grains.GetGrain<IHarvestControl>(IHarvestCoordinatorGrain.Key)), Json)
        );
}
