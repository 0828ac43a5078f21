using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PHDB.Storage;

namespace PHDB.Admin.Data;

/// <summary>
/// Maps a <see cref="PostFilter"/> to the Posts page's query string and back, so a filtered listing can be
/// shared and reloaded. Values that do not parse are ignored rather than failing the page.
/// </summary>
public static class PostFilterQuery
{
    /// <summary>Query key of the first launch day (<c>yyyy-MM-dd</c>).</summary>
    public const string FromKey = "from";

    /// <summary>Query key of the last launch day (<c>yyyy-MM-dd</c>).</summary>
    public const string ToKey = "to";

    /// <summary>Query key of the topic slug.</summary>
    public const string TopicKey = "topic";

    /// <summary>Query key of the search text.</summary>
    public const string TextKey = "q";

    /// <summary>Query key of the order (<c>newest</c> or <c>votes</c>).</summary>
    public const string SortKey = "sort";

    /// <summary>Query key of featured only (<c>true</c>).</summary>
    public const string FeaturedKey = "featured";

    /// <summary>Longest search text or topic slug kept.</summary>
    public const int MaxTextLength = 200;

    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>The filter of the query string values (each may be missing or malformed).</summary>
    public static PostFilter Read(
        string? from,
        string? to,
        string? topic,
        string? text,
        string? sort,
        string? featured
    ) =>
        new()
        {
            From = ParseDay(from),
            To = ParseDay(to),
            Topic = Clean(topic),
            Text = Clean(text),
            Sort = string.Equals(sort?.Trim(), "votes", StringComparison.OrdinalIgnoreCase)
                ? PostSort.Votes
                : PostSort.Newest,
            FeaturedOnly =
                string.Equals(featured?.Trim(), "true", StringComparison.OrdinalIgnoreCase) || featured?.Trim() == "1",
        };

    /// <summary>The filter of a URL or a query string (with or without the leading <c>?</c>).</summary>
    public static PostFilter Parse(string uriOrQuery)
    {
        ArgumentNullException.ThrowIfNull(uriOrQuery);
        var start = uriOrQuery.IndexOf('?', StringComparison.Ordinal);
        var query = start >= 0 ? uriOrQuery[start..] : uriOrQuery;
        var fragment = query.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            query = query[..fragment];
        }

        var values = QueryHelpers.ParseQuery(query);
        string? Value(string key) => values.TryGetValue(key, out var v) ? v.FirstOrDefault() : null;
        return Read(Value(FromKey), Value(ToKey), Value(TopicKey), Value(TextKey), Value(SortKey), Value(FeaturedKey));
    }

    /// <summary>The query string of <paramref name="filter"/> (empty for no filter, else starting with <c>?</c>).</summary>
    public static string ToQueryString(PostFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parts = new List<(string Key, string Value)>();
        if (filter.From is { } from)
        {
            parts.Add((FromKey, from.ToString(DayFormat, CultureInfo.InvariantCulture)));
        }

        if (filter.To is { } to)
        {
            parts.Add((ToKey, to.ToString(DayFormat, CultureInfo.InvariantCulture)));
        }

        if (Clean(filter.Topic) is { } topic)
        {
            parts.Add((TopicKey, topic));
        }

        if (Clean(filter.Text) is { } text)
        {
            parts.Add((TextKey, text));
        }

        if (filter.Sort == PostSort.Votes)
        {
            parts.Add((SortKey, "votes"));
        }

        if (filter.FeaturedOnly)
        {
            parts.Add((FeaturedKey, "true"));
        }

        if (parts.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder();
        foreach (var (key, value) in parts)
        {
            builder.Append(builder.Length == 0 ? '?' : '&').Append(key).Append('=');
            builder.Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    /// <summary>The app-relative address of the Posts page showing <paramref name="filter"/>.</summary>
    public static string ToRelativeUri(PostFilter filter) => "posts" + ToQueryString(filter);

    private static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > MaxTextLength ? trimmed[..MaxTextLength].TrimEnd() : trimmed;
    }
}
