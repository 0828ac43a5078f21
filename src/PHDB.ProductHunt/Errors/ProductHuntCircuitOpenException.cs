namespace PHDB.ProductHunt;

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
