using PHDB.Domain;

namespace PHDB.ProductHunt;

/// <summary>An error the Product Hunt API answered with, or the lack of an answer. Messages never carry a token.</summary>
public abstract class ProductHuntApiException : PhdbException
{
    /// <summary>Creates the exception.</summary>
    protected ProductHuntApiException(string message, int? statusCode, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    /// <summary>The HTTP status of the answer, when there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>Whether trying the same request again later may succeed.</summary>
    public virtual bool IsTransient => false;
}

/// <summary>The token is missing, invalid or revoked (HTTP 401), or the client credentials were refused.</summary>
public sealed class ProductHuntAuthenticationException(string message, int? statusCode = 401)
    : ProductHuntApiException(message, statusCode);

/// <summary>The application's rate-limit budget is spent (HTTP 429); nothing is served before <see cref="ResetAt"/>.</summary>
public sealed class ProductHuntRateLimitException(
    string message,
    RateLimitSnapshot budget,
    TimeSpan resetIn,
    DateTimeOffset resetAt
) : ProductHuntApiException(message, 429)
{
    /// <summary>The budget the answer reported.</summary>
    public RateLimitSnapshot Budget { get; } = budget;

    /// <summary>Time until the window resets, from the body's <c>reset_in</c> (or the reset header).</summary>
    public TimeSpan ResetIn { get; } = resetIn;

    /// <summary>When the window resets.</summary>
    public DateTimeOffset ResetAt { get; } = resetAt;
}

/// <summary>The API refused the query itself (HTTP 400, a GraphQL validation error, a complexity or depth cap); sending it again cannot help.</summary>
public class ProductHuntQueryRejectedException(
    string message,
    IReadOnlyList<string> serverMessages,
    int? statusCode = 200
) : ProductHuntApiException(message, statusCode)
{
    /// <summary>The server's error messages, verbatim.</summary>
    public IReadOnlyList<string> ServerMessages { get; } = serverMessages;

    /// <summary>The first segment of each error's path (the alias it concerns), for errors that name one.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>The query is over the server's complexity cap: "Query has complexity of N, which exceeds max complexity of M".</summary>
public sealed class ProductHuntComplexityException(
    string message,
    IReadOnlyList<string> serverMessages,
    int complexity,
    int maxComplexity
) : ProductHuntQueryRejectedException(message, serverMessages)
{
    /// <summary>The complexity the server computed for the query.</summary>
    public int Complexity { get; } = complexity;

    /// <summary>The server's cap.</summary>
    public int MaxComplexity { get; } = maxComplexity;
}

/// <summary>A fault that may pass: 5xx, a timeout, a dropped connection, a malformed or truncated body, an internal GraphQL error.</summary>
public class ProductHuntTransientException(string message, int? statusCode = null, Exception? innerException = null)
    : ProductHuntApiException(message, statusCode, innerException)
{
    /// <inheritdoc />
    public override bool IsTransient => true;
}

/// <summary>The circuit breaker is open after repeated transient faults; no request is sent until <see cref="RetryAfter"/> has passed.</summary>
public sealed class ProductHuntCircuitOpenException(
    string message,
    TimeSpan? retryAfter,
    Exception? innerException = null
) : ProductHuntTransientException(message, null, innerException)
{
    /// <summary>How long the circuit stays open, when known.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>A value from the API broke the schema's or PHDB's rules; names the field, the value and the reason.</summary>
public sealed class DataValidationException(string field, string? value, string reason)
    : PhdbException($"Invalid value for '{field}' ({Shorten(value)}): {reason}")
{
    /// <summary>The field, as a path from the node (e.g. <c>makers[2].id</c>).</summary>
    public string Field { get; } = field;

    /// <summary>The offending value as text (null when it was null).</summary>
    public string? Value { get; } = value;

    /// <summary>Why the value was refused.</summary>
    public string Reason { get; } = reason;

    private static string Shorten(string? value) =>
        value is null ? "null"
        : value.Length <= 80 ? $"\"{value}\""
        : $"\"{value[..80]}…\"";
}
