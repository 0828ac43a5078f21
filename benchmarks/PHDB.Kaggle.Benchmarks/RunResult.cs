namespace PHDB.Kaggle.Benchmarks;

/// <summary>One run of one variant: the child's figures and what the stand-in saw.</summary>
/// <param name="Repetition">1-based.</param>
/// <param name="Client">The child's measurement.</param>
/// <param name="ServerCpuSeconds">CPU time of the parent (the stand-in) while the child ran, start-up included.</param>
/// <param name="ReceivedBytes">Upload body bytes the stand-in received (<c>UploadBytesReceived</c>).</param>
/// <param name="LoadAverage">The machine's 1-minute load average just before the run.</param>
/// <param name="UploadRequests">Upload PUTs the stand-in answered (chunks and probes).</param>
/// <param name="AbortedRequests">Of those, the ones whose connection was dropped.</param>
internal sealed record RunResult(
    int Repetition,
    ClientResult Client,
    double ServerCpuSeconds,
    long ReceivedBytes,
    double LoadAverage,
    int UploadRequests,
    int AbortedRequests
)
{
    public string Variant => Client.Variant;

    /// <summary>Decimal megabytes (10⁶ bytes) of the export per second of wall time.</summary>
    public double MegabytesPerSecond => Client.Bytes / 1e6 / Client.Seconds;

    /// <summary>Bytes the stand-in received beyond the export's size.</summary>
    public long ResentBytes => ReceivedBytes - Client.Bytes;
}
