using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PHDB.ProductHunt;

/// <summary>
/// What an answer's body says when it is not plain data: a GraphQL error (over the complexity cap, a refused query,
/// a failure inside the server), the details of a 429, the error texts or code of a refusal. Never echoes more of
/// the body than a code-like word.
/// </summary>
internal static partial class ApiErrorClassifier
{
    /// <summary>
    /// Throws for a GraphQL answer whose errors leave no data: over the complexity cap, refused (naming the aliases
    /// at fault), or failed inside the server (transient). An answer with data, even partial, is the caller's to map.
    /// </summary>
    public static void Classify(JsonDocument document, int status)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ProductHuntTransientException($"The answer was not a JSON object (HTTP {status}).", status);
        }

        var hasData = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
        if (
            !root.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array
            || errors.GetArrayLength() == 0
        )
        {
            if (hasData)
            {
                return;
            }

            throw new ProductHuntTransientException(
                $"The answer carried neither data nor errors (HTTP {status}).",
                status
            );
        }

        if (hasData && data.EnumerateObject().Any())
        {
            return;
        }

        var messages = new List<string>();
        var paths = new List<string>();
        var located = false;
        foreach (var error in errors.EnumerateArray())
        {
            var message =
                error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                    ? m.GetString()!
                    : error.GetRawText();
            messages.Add(message);
            if (ComplexityMessage().Match(message) is { Success: true } match)
            {
                throw new ProductHuntComplexityException(
                    $"The query was refused: {message}",
                    [message],
                    int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture),
                    int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture)
                );
            }

            located |= error.TryGetProperty("locations", out _) || error.TryGetProperty("extensions", out _);
            if (
                error.TryGetProperty("path", out var path)
                && path.ValueKind == JsonValueKind.Array
                && path.GetArrayLength() > 0
            )
            {
                located = true;
                paths.Add(path[0].ToString());
            }
        }

        if (!located)
        {
            throw new ProductHuntTransientException(
                $"The API failed inside GraphQL: {string.Join("; ", messages)}",
                status
            );
        }

        throw new ProductHuntQueryRejectedException($"The query was refused: {string.Join("; ", messages)}", messages)
        {
            Aliases = paths,
        };
    }

    /// <summary>
    /// The budget a 429 reported: its headers, completed by the body's <c>details</c> (<c>reset_in</c>, <c>limit</c>,
    /// <c>remaining</c>) when it has them.
    /// </summary>
    public static RateLimitSnapshot RateLimitDetails(byte[] content, RateLimitSnapshot budget)
    {
        var resetIn = budget.ResetIn ?? TimeSpan.Zero;
        int? limit = budget.Limit,
            remaining = budget.Remaining;
        try
        {
            using var document = JsonDocument.Parse(content);
            if (
                TryFirstError(document, out var error)
                && error.TryGetProperty("details", out var details)
                && details.ValueKind == JsonValueKind.Object
            )
            {
                if (details.TryGetProperty("reset_in", out var r) && r.TryGetInt32(out var seconds))
                {
                    resetIn = TimeSpan.FromSeconds(Math.Max(0, seconds));
                }

                limit = details.TryGetProperty("limit", out var l) && l.TryGetInt32(out var lv) ? lv : limit;
                remaining =
                    details.TryGetProperty("remaining", out var rm) && rm.TryGetInt32(out var rv) ? rv : remaining;
            }
        }
        catch (JsonException)
        {
            // The headers alone then tell the reset time.
        }

        return budget with
        {
            Limit = limit,
            Remaining = remaining,
            ResetIn = resetIn,
        };
    }

    /// <summary>The error texts of a refused request's body (its descriptions or messages); none when it is not JSON.</summary>
    public static List<string> ErrorTexts(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            if (
                document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
            )
            {
                return
                [
                    .. errors
                        .EnumerateArray()
                        .Select(e =>
                            e.ValueKind != JsonValueKind.Object ? e.GetRawText()
                            : e.TryGetProperty("error_description", out var d) ? d.ToString()
                            : e.TryGetProperty("message", out var m) ? m.ToString()
                            : e.GetRawText()
                        ),
                ];
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to quote.
        }

        return [];
    }

    /// <summary>The API's own error code of a refusal (<c>errors[0].error</c>, e.g. <c>invalid_oauth_token</c>), if it gave a readable one.</summary>
    public static string? ErrorCodeOf(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            if (
                TryFirstError(document, out var error)
                && error.TryGetProperty("error", out var code)
                && code.ValueKind == JsonValueKind.String
            )
            {
                var text = code.GetString();
                // Only a code-like word: never echo arbitrary text from the answer.
                return text is { Length: > 0 and <= 64 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
                    ? text
                    : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON: no code to name.
        }

        return null;
    }

    /// <summary>The first entry of an answer's <c>errors</c>, when it is an object.</summary>
    private static bool TryFirstError(JsonDocument document, out JsonElement error)
    {
        var root = document.RootElement;
        if (
            root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("errors", out var errors)
            && errors.ValueKind == JsonValueKind.Array
            && errors.GetArrayLength() > 0
            && errors[0].ValueKind == JsonValueKind.Object
        )
        {
            error = errors[0];
            return true;
        }

        error = default;
        return false;
    }

    [GeneratedRegex(@"Query has complexity of (\d+), which exceeds max complexity of (\d+)")]
    private static partial Regex ComplexityMessage();
}
