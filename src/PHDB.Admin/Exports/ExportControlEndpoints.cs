using PHDB.Export;

namespace PHDB.Admin.Exports;

/// <summary>
/// <c>POST /exports/run</c>: the Aspire dashboard's "Export now" command. It starts the default export (every format,
/// the <c>phdb</c> layout) and answers 202 with the export's name, or 409 while one runs. It needs no login but the
/// header <c>X-PHDB-Control-Key</c> equal to <c>Export:ControlKey</c>, and is not mapped when no key is configured.
/// </summary>
public static class ExportControlEndpoints
{
    /// <summary>The header carrying the key.</summary>
    public const string KeyHeader = ControlKeyEndpointExtensions.Header;

    /// <summary>The configuration key of the control key.</summary>
    public const string KeySetting = "Export:ControlKey";

    /// <summary>The route.</summary>
    public const string RunPath = "/exports/run";

    /// <summary>Maps <c>POST /exports/run</c> when <c>Export:ControlKey</c> is configured.</summary>
    public static IEndpointRouteBuilder MapExportControl(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var configured = endpoints.ServiceProvider.GetRequiredService<IConfiguration>()[KeySetting];
        if (string.IsNullOrEmpty(configured))
        {
            return endpoints;
        }

        endpoints
            .MapPost(
                RunPath,
                (ExportJobs jobs) =>
                {
                    var start = jobs.Start(ExportRequest.Default);
                    return start.Started
                        ? Results.Accepted("/exports", new { name = start.Name, state = "running" })
                        : Results.Conflict(new { name = start.Name, error = start.Refusal });
                }
            )
            .AllowAnonymous()
            .RequireControlKey(configured);
        return endpoints;
    }
}
