using PHDB.Grains.Publishing;

namespace PHDB.Admin.Tests.Publishing;

/// <summary>
/// What the scripted publisher in the test cluster answers, and what it was asked: the test sets the state, the grain
/// reads it. "Publish now" starts a publication here unless one runs, as the publisher's contract says.
/// </summary>
public sealed class PublisherScript
{
    /// <summary>The silo name the scripted publisher reports.</summary>
    public const string Silo = "silo-test";

    private readonly Lock gate = new();
    private readonly List<PublishCall> calls = [];
    private PublicationStatus status = Idle();
    private string? failure;
    private int reads;
    private DateTimeOffset clock = DateTimeOffset.UnixEpoch;

    /// <summary>The state the publisher answers with.</summary>
    public PublicationStatus Status
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
        set
        {
            lock (gate)
            {
                status = value;
            }
        }
    }

    /// <summary>When set, every call fails with this message.</summary>
    public string? Failure
    {
        get
        {
            lock (gate)
            {
                return failure;
            }
        }
        set
        {
            lock (gate)
            {
                failure = value;
            }
        }
    }

    /// <summary>When a publication started by "publish now" starts.</summary>
    public DateTimeOffset Clock
    {
        get
        {
            lock (gate)
            {
                return clock;
            }
        }
        set
        {
            lock (gate)
            {
                clock = value;
            }
        }
    }

    /// <summary>How often the state was read.</summary>
    public int Reads
    {
        get
        {
            lock (gate)
            {
                return reads;
            }
        }
    }

    /// <summary>Every "publish now" asked, oldest first.</summary>
    public IReadOnlyList<PublishCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>A publisher with nothing running and no schedule.</summary>
    public static PublicationStatus Idle() =>
        new(false, false, null, null, null, null, 0, 0, TimeSpan.Zero, null, false, null, null);

    /// <summary>Sets the idle state and forgets the calls.</summary>
    public void Reset()
    {
        lock (gate)
        {
            status = Idle();
            failure = null;
            reads = 0;
            calls.Clear();
        }
    }

    internal PublicationStatus Read(string key)
    {
        lock (gate)
        {
            ThrowIfFailing(key);
            reads++;
            return status;
        }
    }

    internal PublicationStatus Publish(string key, bool dryRun, string origin)
    {
        lock (gate)
        {
            ThrowIfFailing(key);
            calls.Add(new PublishCall(key, dryRun, origin));
            if (!status.Running)
            {
                status = status with
                {
                    Running = true,
                    DryRun = dryRun,
                    Origin = origin,
                    StartedAt = clock,
                    Stage = "exporting",
                    Detail = "posts",
                    BytesDone = 0,
                    BytesTotal = 0,
                    Silo = Silo,
                };
            }

            return status;
        }
    }

    private void ThrowIfFailing(string key)
    {
        if (failure is { } message)
        {
            throw new InvalidOperationException(message);
        }

        if (key != PublicationStatus.Key)
        {
            throw new InvalidOperationException($"The publisher's key is '{PublicationStatus.Key}', not '{key}'.");
        }
    }
}

/// <summary>One "publish now" the scripted publisher was asked.</summary>
public sealed record PublishCall(string Key, bool DryRun, string Origin);
