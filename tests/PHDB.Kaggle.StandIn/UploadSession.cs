using System.Security.Cryptography;

namespace PHDB.Kaggle.StandIn;

/// <summary>
/// One resumable upload started by <c>StartBlobUpload</c>: the blob's file, how many leading bytes it holds, and its
/// SHA-256 once complete. PUTs to one session run one at a time (<see cref="Gate"/>).
/// </summary>
internal sealed class UploadSession(
    string id,
    string secret,
    string token,
    string name,
    long length,
    DateTimeOffset createdAt,
    long epoch,
    string path
) : IDisposable
{
    private long received;
    private string? sha256;
    private IncrementalHash? hash;
    private long hashed;

    public string Id { get; } = id;

    /// <summary>The <c>upload_id</c> query value the createUrl carries; without it the session is not found.</summary>
    public string Secret { get; } = secret;

    public string Token { get; } = token;
    public string Name { get; } = name;
    public long Length { get; } = length;
    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The fault epoch the session was issued in; <c>ExpireUploadUrls</c> moves past it.</summary>
    public long Epoch { get; } = epoch;

    /// <summary>The file holding the bytes received.</summary>
    public string Path { get; } = path;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>How many leading bytes of the blob the stand-in holds.</summary>
    public long Received
    {
        get => Volatile.Read(ref received);
        set => Volatile.Write(ref received, value);
    }

    /// <summary>Lower-case hex SHA-256 of the blob, set once every byte arrived.</summary>
    public string? Sha256
    {
        get => Volatile.Read(ref sha256);
        set => Volatile.Write(ref sha256, value);
    }

    public bool IsComplete => Sha256 is not null;

    /// <summary>
    /// Starts hashing a write at <paramref name="start"/>: from scratch at 0, on from the bytes hashed so far when
    /// the write appends, or not at all (the hash is read back from the file at completion) when it overlaps.
    /// Called with <see cref="Gate"/> held.
    /// </summary>
    public void BeginWrite(long start)
    {
        if (start == 0)
        {
            hash?.Dispose();
            hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hashed = 0;
        }
        else if (start != hashed)
        {
            hash?.Dispose();
            hash = null;
        }
    }

    /// <summary>Hashes bytes written right after those hashed so far. Called with <see cref="Gate"/> held.</summary>
    public void Hash(ReadOnlySpan<byte> bytes)
    {
        if (hash is not null)
        {
            hash.AppendData(bytes);
            hashed += bytes.Length;
        }
    }

    /// <summary>Records the blob's SHA-256 once every byte arrived. Called with <see cref="Gate"/> held.</summary>
    public async Task CompleteAsync()
    {
        if (hash is not null && hashed == Length)
        {
            Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        else
        {
            await using var file = new FileStream(
                Path,
                FileMode.OpenOrCreate,
                FileAccess.Read,
                FileShare.ReadWrite,
                bufferSize: 1024 * 1024,
                FileOptions.Asynchronous | FileOptions.SequentialScan
            );
            Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, CancellationToken.None));
        }

        hash?.Dispose();
        hash = null;
    }

    public void Dispose()
    {
        Gate.Dispose();
        hash?.Dispose();
    }
}
