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

    public void Dispose() => Gate.Dispose();
}
