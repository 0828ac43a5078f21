namespace PHDB.Admin.Data;

/// <summary>
/// Decides whether a harvested URL may become a link or an image source: only absolute <c>http</c> and
/// <c>https</c> URLs with a host do. Anything else (<c>javascript:</c>, <c>data:</c>, relative paths, text with
/// control characters) is shown as plain text.
/// </summary>
public static class SafeUrl
{
    /// <summary>The URL as an absolute http(s) address, or <see langword="null"/> when it must not be linked.</summary>
    public static Uri? AsHttp(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Any(char.IsControl))
        {
            return null;
        }

        if (
            !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
        )
        {
            return null;
        }

        return uri;
    }

    /// <summary>The value to put in an <c>href</c> or <c>src</c> attribute, or <see langword="null"/> for none.</summary>
    public static string? Href(string? value) => AsHttp(value)?.AbsoluteUri;
}
