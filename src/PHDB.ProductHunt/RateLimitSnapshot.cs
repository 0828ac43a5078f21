using System.Globalization;
using System.Net.Http.Headers;

namespace PHDB.ProductHunt;

/// <summary>
/// The application's rate-limit budget as one answer reported it (<c>X-Rate-Limit-*</c> or <c>X-RateLimit-*</c>):
/// the points before this request's cost was taken off, and the time until the window resets. The client never
/// waits on it; the caller paces.
/// </summary>
/// <param name="Limit">Points per window, when reported.</param>
/// <param name="Remaining">Points left before this request, when reported; may be negative.</param>
/// <param name="ResetIn">Time until the window resets, when reported.</param>
/// <param name="ObservedAt">When the answer arrived.</param>
public sealed record RateLimitSnapshot(int? Limit, int? Remaining, TimeSpan? ResetIn, DateTimeOffset ObservedAt)
{
    /// <summary>When the window resets, when reported.</summary>
    public DateTimeOffset? ResetAt => ResetIn is { } resetIn ? ObservedAt + resetIn : null;

    /// <summary>Whether the answer carried any budget header.</summary>
    public bool IsKnown => Limit is not null || Remaining is not null || ResetIn is not null;

    /// <summary>Reads the budget headers of a response; either spelling is accepted.</summary>
    public static RateLimitSnapshot FromHeaders(HttpResponseHeaders headers, DateTimeOffset observedAt)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var limit = Read(headers, "X-Rate-Limit-Limit", "X-RateLimit-Limit");
        var remaining = Read(headers, "X-Rate-Limit-Remaining", "X-RateLimit-Remaining");
        var reset = Read(headers, "X-Rate-Limit-Reset", "X-RateLimit-Reset");
        return new RateLimitSnapshot(
            limit,
            remaining,
            reset is { } r ? TimeSpan.FromSeconds(Math.Max(0, r)) : null,
            observedAt
        );
    }

    private static int? Read(HttpResponseHeaders headers, string name, string alternative)
    {
        foreach (var key in (ReadOnlySpan<string>)[name, alternative])
        {
            if (
                headers.TryGetValues(key, out var values)
                && values.FirstOrDefault() is { } text
                && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            )
            {
                return value;
            }
        }

        return null;
    }
}
