using System.Buffers;
using PHDB.Kaggle.StandIn.Wire;

namespace PHDB.Kaggle.StandIn;

/// <summary>
/// Kaggle's checks of a dataset creation or version, each failure a message that starts with the wire field it is
/// about (<c>slug</c>, <c>title</c>, <c>subtitle</c>, <c>licenseName</c>, <c>files[i].token</c>, ...).
/// </summary>
internal static class DatasetRules
{
    /// <summary>The licence names Kaggle accepts (its documented list; kept here so the stand-in does not share the client's).</summary>
    private static readonly HashSet<string> Licenses = new(StringComparer.Ordinal)
    {
        "CC0-1.0",
        "CC-BY-SA-3.0",
        "CC-BY-SA-4.0",
        "CC-BY-NC-SA-4.0",
        "GPL-2.0",
        "ODbL-1.0",
        "DbCL-1.0",
        "copyright-authors",
        "other",
        "unknown",
        "CC-BY-4.0",
        "CC-BY-NC-4.0",
        "PDDL",
        "CC-BY-3.0",
        "CC-BY-3.0-IGO",
        "US-Government-Works",
        "CC-BY-NC-SA-3.0-IGO",
        "CDLA-Permissive-1.0",
        "CDLA-Sharing-1.0",
        "CC-BY-ND-4.0",
        "CC-BY-NC-ND-4.0",
        "ODC-BY-1.0",
        "LGPL-3.0",
        "AGPL-3.0",
        "FDL-1.3",
        "EU-ODP-Legal-Notice",
        "apache-2.0",
        "GPL-3.0",
    };

    /// <summary>The tags the stand-in knows; any other keyword is reported in <c>invalidTags</c>.</summary>
    private static readonly HashSet<string> Tags = new(StringComparer.OrdinalIgnoreCase)
    {
        "business",
        "internet",
        "social networks",
        "tabular",
        "data analytics",
        "marketing",
        "technology",
        "beginner",
        "computer science",
        "data visualization",
        "software",
        "startups",
        "web sites",
        "e-commerce services",
    };

    private static readonly SearchValues<char> SlugCharacters = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyz0123456789-"
    );

    /// <summary>The first problem with the dataset-level fields of a creation, or null.</summary>
    public static string? CheckNewDataset(CreateDatasetRequest request)
    {
        if (string.IsNullOrEmpty(request.Slug))
        {
            return "slug is required";
        }

        if (request.Slug.Length is < 6 or > 50 || request.Slug.AsSpan().ContainsAnyExcept(SlugCharacters))
        {
            return $"slug must be 6 to 50 characters of a-z, 0-9 and '-' (got \"{request.Slug}\")";
        }

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            return "title is required";
        }

        if (request.Title.Length is < 6 or > 50)
        {
            return $"title must be 6 to 50 characters long (got {request.Title.Length})";
        }

        if (CheckSubtitle(request.Subtitle) is { } subtitle)
        {
            return subtitle;
        }

        if (string.IsNullOrEmpty(request.LicenseName))
        {
            return "licenseName is required";
        }

        return Licenses.Contains(request.LicenseName)
            ? null
            : $"licenseName \"{request.LicenseName}\" is not one of Kaggle's licences";
    }

    /// <summary>The problem with a subtitle (which may be absent), or null.</summary>
    public static string? CheckSubtitle(string? subtitle) =>
        subtitle is not null && subtitle.Length is < 20 or > 80
            ? $"subtitle must be 20 to 80 characters long (got {subtitle.Length})"
            : null;

    /// <summary>
    /// Resolves the files of a creation or version to completed uploads, or answers the first problem: no files,
    /// a missing, unknown or incomplete token, or two files with one name.
    /// </summary>
    public static (IReadOnlyList<UploadSession> Blobs, string? Problem) ResolveFiles(
        StandInStore store,
        IReadOnlyList<DatasetNewFile>? files
    )
    {
        if (files is null || files.Count == 0)
        {
            return ([], "files must list at least one uploaded file");
        }

        var blobs = new List<UploadSession>(files.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var token = files[i].Token;
            if (string.IsNullOrEmpty(token))
            {
                return ([], $"files[{i}].token is required");
            }

            var blob = store.FindByToken(token);
            if (blob is null)
            {
                return ([], $"files[{i}].token does not name an upload");
            }

            if (!blob.IsComplete)
            {
                return (
                    [],
                    $"files[{i}].token: the upload of \"{blob.Name}\" is not complete ({blob.Received} of {blob.Length} bytes)"
                );
            }

            if (!names.Add(blob.Name))
            {
                return ([], $"files[{i}]: the file name \"{blob.Name}\" appears more than once");
            }

            blobs.Add(blob);
        }

        return (blobs, null);
    }

    /// <summary>The keywords that are not known tags, in order, without repeats.</summary>
    public static IReadOnlyList<string> InvalidTags(IReadOnlyList<string>? categoryIds) =>
        categoryIds is null ? [] : [.. categoryIds.Where(t => !IsKnownTag(t)).Distinct(StringComparer.Ordinal)];

    /// <summary>Known tags by name (<c>social networks</c>) or slug (<c>social-networks</c>).</summary>
    public static bool IsKnownTag(string tag) => Tags.Contains(tag) || Tags.Contains(tag.Replace('-', ' '));
}
