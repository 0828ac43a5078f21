namespace PHDB.Kaggle.StandIn;

/// <summary>Faults to inject into a <see cref="KaggleStandIn"/>; thread-safe and settable at any time.</summary>
public sealed class KaggleStandInFaults
{
    private readonly Lock gate = new();
    private int uploadUnavailable;
    private long dropUploadAfterBytes;
    private bool refuseCredentials;
    private int createServerErrors;
    private bool failProcessing;
    private TimeSpan createAnswerDelay;
    private long expiryEpoch;

    /// <summary>The next N upload PUTs (probes included) answer 503 without reading the body.</summary>
    public int UploadUnavailable
    {
        get => Read(() => uploadUnavailable);
        set => Write(() => uploadUnavailable = Math.Max(0, value));
    }

    /// <summary>
    /// Greater than 0: once that many more upload body bytes have arrived, the upload PUT that carries them keeps
    /// exactly that many and its connection is aborted; then the fault clears itself. With one large PUT this is
    /// "the next upload PUT drops after N bytes".
    /// </summary>
    public long DropUploadAfterBytes
    {
        get => Read(() => dropUploadAfterBytes);
        set => Write(() => dropUploadAfterBytes = Math.Max(0, value));
    }

    /// <summary>Every API call answers 401 (upload PUTs carry no credentials and are not affected).</summary>
    public bool RefuseCredentials
    {
        get => Read(() => refuseCredentials);
        set => Write(() => refuseCredentials = value);
    }

    /// <summary>The next N CreateDataset/CreateDatasetVersion(ById) calls answer 500 without creating anything.</summary>
    public int CreateServerErrors
    {
        get => Read(() => createServerErrors);
        set => Write(() => createServerErrors = Math.Max(0, value));
    }

    /// <summary>Datasets and versions created while this is set end in <c>FAILED</c> instead of <c>READY</c>.</summary>
    public bool FailProcessing
    {
        get => Read(() => failProcessing);
        set => Write(() => failProcessing = value);
    }

    /// <summary>
    /// A create call records the dataset or version first, then waits this long (on the stand-in's
    /// <see cref="KaggleStandInOptions.TimeProvider"/>, ending early if the client goes away) before answering.
    /// </summary>
    public TimeSpan CreateAnswerDelay
    {
        get => Read(() => createAnswerDelay);
        set => Write(() => createAnswerDelay = value < TimeSpan.Zero ? TimeSpan.Zero : value);
    }

    /// <summary>Every <c>createUrl</c> issued so far now answers 404, as an expired upload does.</summary>
    public void ExpireUploadUrls() => Write(() => expiryEpoch++);

    internal long ExpiryEpoch => Read(() => expiryEpoch);

    internal bool TakeUploadUnavailable()
    {
        lock (gate)
        {
            if (uploadUnavailable <= 0)
            {
                return false;
            }

            uploadUnavailable--;
            return true;
        }
    }

    internal bool TakeCreateServerError()
    {
        lock (gate)
        {
            if (createServerErrors <= 0)
            {
                return false;
            }

            createServerErrors--;
            return true;
        }
    }

    /// <summary>Takes the armed drop budget (the PUT owns it now), or null when no drop is armed.</summary>
    internal long? TakeDropBudget()
    {
        lock (gate)
        {
            if (dropUploadAfterBytes <= 0)
            {
                return null;
            }

            var budget = dropUploadAfterBytes;
            dropUploadAfterBytes = 0;
            return budget;
        }
    }

    /// <summary>Re-arms what a PUT did not use of its budget, unless a test armed a new drop meanwhile.</summary>
    internal void ReturnDropBudget(long remaining)
    {
        lock (gate)
        {
            if (dropUploadAfterBytes == 0 && remaining > 0)
            {
                dropUploadAfterBytes = remaining;
            }
        }
    }

    private T Read<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    private void Write(Action write)
    {
        lock (gate)
        {
            write();
        }
    }
}
