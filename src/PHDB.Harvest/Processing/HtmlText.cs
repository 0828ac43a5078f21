using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PHDB.Harvest.Processing;

/// <summary>Turns harvested HTML fragments into plain text: scripts dropped, blocks on their own lines, entities decoded.</summary>
public static partial class HtmlText
{
    /// <summary>Plain text of <paramref name="html"/>; <see langword="null"/> stays <see langword="null"/>.</summary>
    [return: NotNullIfNotNull(nameof(html))]
    public static string? ToText(string? html)
    {
        if (html is null)
        {
            return null;
        }

        return NormalizeWhitespace(StripMarkup(html, keepLineBreaks: true), keepLineBreaks: true);
    }

    /// <summary>
    /// Single-line text: entities decoded, tags removed, runs of white space (any Unicode space or control
    /// character) folded into one space, trimmed.
    /// </summary>
    public static string ToLine(string value) =>
        NormalizeWhitespace(StripMarkup(value, keepLineBreaks: false), keepLineBreaks: false);

    private static string StripMarkup(string html, bool keepLineBreaks)
    {
        var text = DroppedElements().Replace(html, " ");
        text = Comments().Replace(text, " ");
        if (keepLineBreaks)
        {
            text = LineBreaks().Replace(text, "\n");
        }

        return WebUtility.HtmlDecode(Tags().Replace(text, " "));
    }

    private static string NormalizeWhitespace(string text, bool keepLineBreaks)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreaks = 0;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c == '\n' && keepLineBreaks)
            {
                pendingBreaks++;
                continue;
            }

            if (char.IsWhiteSpace(c) || (char.IsControl(c) && c != '\n'))
            {
                pendingSpace = true;
                continue;
            }

            if (builder.Length > 0)
            {
                if (pendingBreaks > 0)
                {
                    builder.Append(pendingBreaks > 1 ? "\n\n" : "\n");
                }
                else if (pendingSpace)
                {
                    builder.Append(' ');
                }
            }

            pendingBreaks = 0;
            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(
        @"<(script|style|template|iframe|object)\b[^>]*>.*?</\1\s*>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline
    )]
    private static partial Regex DroppedElements();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<\s*br\s*/?\s*>|</\s*(p|div|li|h[1-6]|blockquote|pre|tr)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    // As an HTML parser reads it: a tag starts with a letter after < or </ (or is a declaration or processing
    // instruction); a < before a space, a digit or other text is text ("1 < 2", "<3").
    [GeneratedRegex(@"</?[A-Za-z][^>]*>|<[!?][^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tags();
}
