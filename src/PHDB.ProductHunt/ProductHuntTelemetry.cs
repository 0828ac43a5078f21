using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PHDB.ProductHunt;

/// <summary>
/// The client's activity source and meter, both named <c>PHDB.ProductHunt</c>: the one meter of the API's requests,
/// 429s and budget, tagged by application (<see cref="ApplicationTag"/>: the token's fingerprint, never the token).
/// </summary>
public sealed class ProductHuntTelemetry : IDisposable
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "PHDB.ProductHunt";

    /// <summary>The tag naming the application (<see cref="ApiTokenFingerprint"/>) of a request, 429 or budget.</summary>
    public const string ApplicationTag = "phdb.application";

    /// <summary>The activity source: one client activity per request.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on an own meter.</summary>
    public ProductHuntTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Requests = _meter.CreateCounter<long>(
            "phdb.producthunt.requests",
            description: "Requests answered by the API."
        );
        Retries = _meter.CreateCounter<long>(
            "phdb.producthunt.retries",
            description: "Retries after transient faults."
        );
        CircuitTransitions = _meter.CreateCounter<long>(
            "phdb.producthunt.circuit.transitions",
            description: "Circuit breaker state changes."
        );
        NodesRejected = _meter.CreateCounter<long>(
            "phdb.producthunt.nodes.rejected",
            description: "Nodes skipped because they broke the schema."
        );
        ComplexitySplits = _meter.CreateCounter<long>(
            "phdb.producthunt.complexity.splits",
            description: "Packs refused for complexity and split."
        );
        RateLimited = _meter.CreateCounter<long>(
            "phdb.producthunt.rate_limited",
            description: "Requests answered 429."
        );
        Remaining = _meter.CreateGauge<int>(
            "phdb.producthunt.budget.remaining",
            description: "Rate-limit points left, as last reported, per application."
        );
    }

    internal Counter<long> Requests { get; }

    internal Counter<long> Retries { get; }

    internal Counter<long> CircuitTransitions { get; }

    internal Counter<long> NodesRejected { get; }

    internal Counter<long> ComplexitySplits { get; }

    internal Counter<long> RateLimited { get; }

    internal Gauge<int> Remaining { get; }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
