using System.Diagnostics.Metrics;

namespace PHDB.Grains.Harvest;

/// <summary>
/// The harvest's own metrics (<c>PHDB.Harvest</c>): items per request, pages, failures and slots missed. Each
/// measurement has one meter: the API's requests, 429s and budget are the client's (<c>PHDB.ProductHunt</c>, per
/// application), rows written are storage's (<c>PHDB.Storage</c>); so are their spans.
/// </summary>
public sealed class HarvestTelemetry : IDisposable
{
    /// <summary>Name of the meter.</summary>
    public const string Name = "PHDB.Harvest";

    private readonly Meter meter;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public HarvestTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meter = meterFactory.Create(Name);
        ItemsPerRequest = meter.CreateHistogram<int>(
            "phdb.harvest.items_per_request",
            "{item}",
            "Pages packed into one request"
        );
        Pages = meter.CreateCounter<long>("phdb.harvest.pages", "{page}", "Pages committed");
        Failures = meter.CreateCounter<long>("phdb.harvest.failures", "{page}", "Pages that failed");
        SlotsMissed = meter.CreateCounter<long>(
            "phdb.harvest.slots_missed",
            "{slot}",
            "Requests not sent because leasing and planning outlasted their rate-budget slot"
        );
    }

    /// <summary>Items per request.</summary>
    public Histogram<int> ItemsPerRequest { get; }

    /// <summary>Committed pages.</summary>
    public Counter<long> Pages { get; }

    /// <summary>Failed pages.</summary>
    public Counter<long> Failures { get; }

    /// <summary>Requests given up because they could not be sent by the end of their slot.</summary>
    public Counter<long> SlotsMissed { get; }

    /// <inheritdoc />
    public void Dispose() => meter.Dispose();
}
