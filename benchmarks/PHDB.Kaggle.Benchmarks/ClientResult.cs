namespace PHDB.Kaggle.Benchmarks;

/// <summary>What a child process measured of its uploads (printed as one line of JSON).</summary>
/// <param name="Variant">The uploader.</param>
/// <param name="Seconds">Wall time from the first StartBlobUpload to the last file's completion.</param>
/// <param name="Bytes">The bytes of the files uploaded.</param>
/// <param name="CpuSeconds">User and system CPU time of the child during the uploads.</param>
/// <param name="StartRssBytes">Resident memory before the first request (the runtime's own floor).</param>
/// <param name="PeakRssBytes">Peak resident memory of the whole child (<c>VmHWM</c>), read after the uploads.</param>
/// <param name="PeakManagedBytes">Largest managed heap seen (<c>GC.GetTotalMemory(false)</c> every 10 ms).</param>
/// <param name="AllocatedBytes">Managed bytes allocated during the uploads.</param>
/// <param name="Collections">Garbage collections during the uploads, generations 0, 1 and 2.</param>
/// <param name="SentBytes">Body bytes the client says it sent (the Kaggle client's log), or null for the baseline.</param>
/// <param name="Retries">Attempts the Kaggle client retried.</param>
/// <param name="Resumes">Uploads the Kaggle client resumed after asking what had arrived.</param>
internal sealed record ClientResult(
    string Variant,
    double Seconds,
    long Bytes,
    double CpuSeconds,
    long StartRssBytes,
    long PeakRssBytes,
    long PeakManagedBytes,
    long AllocatedBytes,
    IReadOnlyList<int> Collections,
    long? SentBytes,
    int Retries,
    int Resumes
);
