namespace PHDB.Harvest.Processing;

/// <summary>URLs as PHDB stores them: absolute http(s), Product Hunt's <c>utm_*</c> tracking parameters removed.</summary>
public static class TrackingFreeUrl
{
    /// <summary>
    /// <paramref name="url"/> without <c>utm_*</c> query parameters (other parameters keep their order), trimmed;
    /// a value that is not an absolute http(s) URL is returned trimmed and otherwise unchanged.
    /// </summary>
    public static string Normalize(string url)
    {
        var trimmed = url.Trim();
        if (!IsWebUrl(trimmed, out var uri) || string.IsNullOrEmpty(uri.Query))
        {
            return trimmed;
        }

        var kept = uri
            .Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase));
        var builder = new UriBuilder(uri) { Query = string.Join('&', kept) };
        return builder.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
    }

    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL with a host.</summary>
    public static bool IsWebUrl(string? value, out Uri uri)
    {
        if (
            Uri.TryCreate(value, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(parsed.Host)
        )
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }
}
