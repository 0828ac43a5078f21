using System.Text.Json;
using System.Text.Json.Serialization;
using PHDB.Grains.Publishing;

namespace PHDB.Silo;

/// <summary>
/// <c>POST /publications/{run,dry-run}</c>: the Aspire dashboard's "Publish now" and "Publish dry run" commands.
/// Each asks the cluster's publisher grain to start a publication unless one runs, and answers its
/// <see cref="PublicationStatus"/>. They require the header <c>X-PHDB-Control-Key</c> equal to
/// <c>Harvest:ControlKey</c>, and are not mapped when no key is configured.
/// </summary>
internal static class PublicationControlEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapPublicationControl(this WebApplication app)
    {
        var configured = app.Configuration["Harvest:ControlKey"];
        if (string.IsNullOrEmpty(configured))
        {
            return;
        }

        var publications = app.MapGroup("/publications").RequireControlKey(configured);
        publications.MapPost(
            "/run",
            async (IGrainFactory grains) =>
                Results.Json(
                    await grains.GetGrain<IPublicationGrain>(PublicationStatus.Key).PublishNow(false, "dashboard"),
                    Json
                )
        );
        publications.MapPost(
            "/dry-run",
            async (IGrainFactory grains) =>
                Results.Json(
                    await grains.GetGrain<IPublicationGrain>(PublicationStatus.Key).PublishNow(true, "dashboard"),
                    Json
                )
        );
    }
}
