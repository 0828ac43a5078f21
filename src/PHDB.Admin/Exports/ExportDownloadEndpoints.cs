using Microsoft.AspNetCore.Http.Features;
using PHDB.Export;

namespace PHDB.Admin.Exports;

/// <summary>
/// <c>GET /exports/{name}/files/{**path}</c>: a file of a complete export, as an attachment with range support. It
/// needs the login like every page; anything <see cref="ExportCatalog.ResolveFile"/> does not resolve (another
/// folder, an unfinished export, a link, a file the manifest does not list) is 404.
/// </summary>
public static class ExportDownloadEndpoints
{
    /// <summary>The route.</summary>
    public const string Pattern = "/exports/{name}/files/{**path}";

    /// <summary>Maps the download route.</summary>
    public static IEndpointRouteBuilder MapExportDownloads(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(
            Pattern,
            (string name, string? path, HttpContext context, ExportCatalog catalog) =>
            {
                var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
                var full = Resolve(catalog, name, path, raw);
                if (full is null)
                {
                    return Results.NotFound();
                }

                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(
                    full,
                    ExportContentTypes.Of(full),
                    Path.GetFileName(full),
                    new DateTimeOffset(File.GetLastWriteTimeUtc(full), TimeSpan.Zero),
                    enableRangeProcessing: true
                );
            }
        );
        return endpoints;
    }

    /// <summary>The address of file <paramref name="path"/> of export <paramref name="name"/>, relative to the site.</summary>
    public static string Link(string name, string path)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(path);
        return $"exports/{Uri.EscapeDataString(name)}/files/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";
    }

    /// <summary>
    /// The full path of the requested file, or <c>null</c>: the path must be relative, of plain segments, and the
    /// request must not hide a separator in an escape (<c>%2F</c>, <c>%5C</c>).
    /// </summary>
    internal static string? Resolve(ExportCatalog catalog, string name, string? path, string rawTarget)
    {
        if (
            string.IsNullOrEmpty(path)
            || rawTarget.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            || rawTarget.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            || path.Contains('\\', StringComparison.Ordinal)
            || path.Split('/').Any(segment => segment is "" or "." or "..")
        )
        {
            return null;
        }

        return catalog.ResolveFile(name, path);
    }
}
