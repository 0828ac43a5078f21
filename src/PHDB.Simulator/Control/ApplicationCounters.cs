namespace PHDB.Simulator.Control;

/// <summary>Thread-safe counters of one application.</summary>
public sealed class ApplicationCounters
{
    private long _requests;
    private long _points;
    private long _rateLimited;
    private long _faults;

    /// <summary>Counts a served (charged) request.</summary>
    public void Served(int points)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _points, points);
    }

    /// <summary>Counts points charged to a request already counted as served.</summary>
    public void Charged(int points) => Interlocked.Add(ref _points, points);

    /// <summary>Counts a request answered 429.</summary>
    public void RateLimited()
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _rateLimited);
    }

    /// <summary>Counts an injected fault.</summary>
    public void Faulted() => Interlocked.Increment(ref _faults);

    /// <summary>A consistent-enough copy of the counters.</summary>
    public Snapshot Read() =>
        new(
            Interlocked.Read(ref _requests),
            Interlocked.Read(ref _points),
            Interlocked.Read(ref _rateLimited),
            Interlocked.Read(ref _faults)
        );

    /// <summary>Counter values.</summary>
    /// <param name="Requests">Requests with a valid token (served or refused for the rate limit).</param>
    /// <param name="PointsSpent">Points taken off the budget.</param>
    /// <param name="RateLimited">Requests answered 429.</param>
    /// <param name="Faults">Requests that met an injected fault.</param>
    public sealed record Snapshot(long Requests, long PointsSpent, long RateLimited, long Faults);
}
