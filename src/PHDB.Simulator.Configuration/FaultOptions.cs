using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace PHDB.Simulator.Configuration;

/// <summary>Rates (0..1) of injected faults on the GraphQL endpoint; decided per request from the seed.</summary>
public sealed class FaultOptions
{
    /// <summary>HTTP 500 with the live server-error body.</summary>
    [Range(0, 1)]
    public double ServerErrorRate { get; set; }

    /// <summary>A response delayed by <see cref="SlowDelayMilliseconds"/>.</summary>
    [Range(0, 1)]
    public double SlowRate { get; set; }

    /// <summary>Delay of a slow response.</summary>
    [Range(0, 600_000)]
    public int SlowDelayMilliseconds { get; set; } = 3000;

    /// <summary>A request held for <see cref="TimeoutMilliseconds"/> and then answered 504.</summary>
    [Range(0, 1)]
    public double TimeoutRate { get; set; }

    /// <summary>How long a timed-out request is held.</summary>
    [Range(0, 600_000)]
    public int TimeoutMilliseconds { get; set; } = 30_000;

    /// <summary>The connection is dropped without a response.</summary>
    [Range(0, 1)]
    public double DropRate { get; set; }

    /// <summary>A 200 whose JSON body is cut off half-way.</summary>
    [Range(0, 1)]
    public double TruncateRate { get; set; }

    /// <summary>A 200 whose body is not JSON at all.</summary>
    [Range(0, 1)]
    public double MalformedRate { get; set; }

    /// <summary>A 200 carrying a GraphQL error and no data.</summary>
    [Range(0, 1)]
    public double GraphQLErrorRate { get; set; }

    /// <summary>Whether any fault can happen.</summary>
    [JsonIgnore]
    public bool Any =>
        ServerErrorRate + SlowRate + TimeoutRate + DropRate + TruncateRate + MalformedRate + GraphQLErrorRate > 0;
}
