using System.Collections.Concurrent;

namespace PHDB.Simulator.Control;

/// <summary>Thread-safe counters of one application.</summary>
public sealed class ApplicationCounters
{
    private long _requests;
    private long _points;
    private long _rateLimited;
    private long _faults;
    private readonly ConcurrentDictionary<string, long> _complexity = new(StringComparer.Ordinal);

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

    /// <summary>Adds an executed request's complexity, by the connection each of its root fields reads.</summary>
    public void Measured(IReadOnlyDictionary<string, long> complexityByConnection)
    {
        foreach (var (connection, points) in complexityByConnection)
        {
            _complexity.AddOrUpdate(connection, points, (_, total) => total + points);
        }
    }

    /// <summary>
    /// The complexity of the executed requests so far, by connection (<c>posts</c>, <c>post.votes</c>,
    /// <c>comment.replies</c>), whether or not the cost model charged it.
    /// </summary>
    public IReadOnlyDictionary<string, long> ComplexityByConnection() =>
        _complexity.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

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
