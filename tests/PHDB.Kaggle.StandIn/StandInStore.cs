using System.Security.Cryptography;

namespace PHDB.Kaggle.StandIn;

/// <summary>Everything the stand-in holds: upload sessions, datasets and the requests it answered. Thread-safe.</summary>
internal sealed class StandInStore(string blobDirectory, KaggleStandInOptions options, KaggleStandInFaults faults)
    : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, UploadSession> sessionsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadSession> sessionsByToken = new(StringComparer.Ordinal);
    private readonly List<DatasetEntry> datasets = [];
    private readonly List<StandInRequest> requests = [];
    private long uploadBytesReceived;
    private int nextDatasetId = 1001;

    public KaggleStandInOptions Options { get; } = options;
    public KaggleStandInFaults Faults { get; } = faults;

    public long UploadBytesReceived => Interlocked.Read(ref uploadBytesReceived);

    public void CountUploadBytes(long count) => Interlocked.Add(ref uploadBytesReceived, count);

    public void Record(StandInRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }

    public IReadOnlyList<StandInRequest> Requests()
    {
        lock (gate)
        {
            return [.. requests];
        }
    }

    public UploadSession StartUpload(string name, long length)
    {
        var id = RandomId();
        var session = new UploadSession(
            id,
            secret: RandomId(),
            token: "blob-" + RandomId(),
            name,
            length,
            Options.TimeProvider.GetUtcNow(),
            Faults.ExpiryEpoch,
            Path.Combine(blobDirectory, id)
        );
        lock (gate)
        {
            sessionsById.Add(session.Id, session);
            sessionsByToken.Add(session.Token, session);
        }

        return session;
    }

    /// <summary>The session of an upload URL, or null when it is unknown, its secret is wrong or it expired.</summary>
    public UploadSession? FindLiveSession(string id, string? secret)
    {
        UploadSession? session;
        lock (gate)
        {
            sessionsById.TryGetValue(id, out session);
        }

        if (
            session is null
            || secret is null
            || !CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(secret),
                System.Text.Encoding.UTF8.GetBytes(session.Secret)
            )
        )
        {
            return null;
        }

        var expired =
            Options.TimeProvider.GetUtcNow() - session.CreatedAt >= Options.UploadUrlLifetime
            || session.Epoch < Faults.ExpiryEpoch;
        return expired ? null : session;
    }

    public UploadSession? FindByToken(string token)
    {
        lock (gate)
        {
            return sessionsByToken.GetValueOrDefault(token);
        }
    }

    public IReadOnlyList<StandInDataset> Datasets()
    {
        lock (gate)
        {
            return [.. datasets.Select(d => d.Snapshot())];
        }
    }

    public StandInDataset? Snapshot(string owner, string slug)
    {
        lock (gate)
        {
            return Find(owner, slug)?.Snapshot();
        }
    }

    /// <summary>Runs <paramref name="action"/> under the store's lock (datasets are mutable only there).</summary>
    public T WithDatasets<T>(Func<DatasetAccess, T> action)
    {
        lock (gate)
        {
            return action(new DatasetAccess(this));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var session in sessionsById.Values)
            {
                session.Dispose();
            }
        }
    }

    private DatasetEntry? Find(string owner, string slug) =>
        datasets.Find(d =>
            string.Equals(d.Owner, owner, StringComparison.OrdinalIgnoreCase)
            && string.Equals(d.Slug, slug, StringComparison.OrdinalIgnoreCase)
        );

    private static string RandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The dataset operations allowed while the store's lock is held.</summary>
    internal readonly struct DatasetAccess(StandInStore store)
    {
        public DatasetEntry? Find(string owner, string slug) => store.Find(owner, slug);

        public DatasetEntry? FindById(int id) => store.datasets.Find(d => d.Id == id);

        public DatasetEntry Add(string owner, string slug, string title, string licenseName)
        {
            var entry = new DatasetEntry(store.nextDatasetId++, owner, slug)
            {
                Title = title,
                LicenseName = licenseName,
            };
            store.datasets.Add(entry);
            return entry;
        }

        /// <summary>Deletes the blob files no version of any dataset refers to any more.</summary>
        public void DeleteUnreferencedBlobs(IEnumerable<string> candidates)
        {
            var referenced = store
                .datasets.SelectMany(d => d.Versions)
                .SelectMany(v => v.BlobPaths)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var path in candidates.Where(p => !referenced.Contains(p)))
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Still open by an upload PUT; it goes with the data directory.
                }
            }
        }
    }
}
