namespace PHDB.Grains.Harvest;

/// <summary>
/// The disclosed users a silo's workers stored lately, so that pages referring to them again add no profile read. It
/// holds at most two generations of <see cref="GenerationSize"/> ids: when the current one fills, the previous one is
/// dropped. Memory stays bounded however many users a harvest meets; a user forgotten that way is read once more,
/// and each partition still remembers the ones it read. Thread-safe.
/// </summary>
public sealed class RecentlyStoredUsers
{
    /// <summary>Ids per generation.</summary>
    public const int GenerationSize = 500_000;

    private readonly Lock sync = new();
    private HashSet<long> current = [];
    private HashSet<long> previous = [];

    /// <summary>Remembers <paramref name="users"/> as stored.</summary>
    public void AddRange(IEnumerable<long> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        lock (sync)
        {
            foreach (var user in users)
            {
                if (current.Count >= GenerationSize)
                {
                    previous = current;
                    current = [];
                }

                current.Add(user);
            }
        }
    }

    /// <summary>Whether <paramref name="user"/> was stored lately.</summary>
    public bool Contains(long user)
    {
        lock (sync)
        {
            return current.Contains(user) || previous.Contains(user);
        }
    }

    /// <summary>Ids held (both generations, a user in both counted twice).</summary>
    public int Count
    {
        get
        {
            lock (sync)
            {
                return current.Count + previous.Count;
            }
        }
    }
}
