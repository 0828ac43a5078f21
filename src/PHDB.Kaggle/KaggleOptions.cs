namespace PHDB.Kaggle;

/// <summary>Settings of the Kaggle client (configuration section <c>Kaggle</c>).</summary>
public sealed class KaggleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kaggle";

    /// <summary>Kaggle's API address (<c>Kaggle:Endpoint</c>).</summary>
    public string Endpoint { get; set; } = "https://api.kaggle.com";

    /// <summary>The dataset to publish, <c>owner/slug</c> (<c>Kaggle:Dataset</c>); empty for the export's metadata id.</summary>
    public string Dataset { get; set; } = "";

    /// <summary>An API token (<c>Kaggle:ApiToken</c>, e.g. an AppHost secret parameter). Secret.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The account of a legacy key (<c>Kaggle:Username</c>).</summary>
    public string? Username { get; set; }

    /// <summary>A legacy API key (<c>Kaggle:Key</c>). Secret.</summary>
    public string? Key { get; set; }

    /// <summary>Bytes per upload request (<c>Kaggle:UploadChunkBytes</c>).</summary>
    public int UploadChunkBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How often a dataset's processing status is asked for (<c>Kaggle:StatusPollInterval</c>).</summary>
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long processing may take before the publication fails (<c>Kaggle:StatusTimeout</c>).</summary>
    public TimeSpan StatusTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The first retry's delay; it doubles (<c>Kaggle:RetryBaseDelay</c>).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per request before giving up (<c>Kaggle:MaxAttempts</c>).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The longest one request may take (<c>Kaggle:RequestTimeout</c>).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The granularity of upload chunks: Google Cloud Storage's resumable uploads require multiples of it.</summary>
    public const int ChunkGranularity = 256 * 1024;

    /// <summary>The largest chunk accepted.</summary>
    public const int MaxChunkBytes = 32 * 1024 * 1024;

    /// <summary>Checks the settings; returns the first problem as (key, message), or <c>null</c>.</summary>
    public (string Key, string Message)? Validate()
    {
        if (
            !Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
        )
        {
            return (SettingKey(nameof(Endpoint)), $"'{Endpoint}' is not allowed: an absolute http(s) URL.");
        }

        if (Dataset.Length > 0 && !IsDatasetReference(Dataset))
        {
            return (
                SettingKey(nameof(Dataset)),
                $"'{Dataset}' is not allowed: empty (the export's metadata id) or owner/slug, "
                    + "letters, digits, '-' and '_'."
            );
        }

        if (UploadChunkBytes is < ChunkGranularity or > MaxChunkBytes || UploadChunkBytes % ChunkGranularity != 0)
        {
            return (
                SettingKey(nameof(UploadChunkBytes)),
                $"{UploadChunkBytes} is not allowed: a multiple of 262144 (256 KiB) from 256 KiB to 32 MiB (each upload holds one chunk in memory)."
            );
        }

        foreach (
            var (name, value, least) in new[]
            {
                (nameof(StatusPollInterval), StatusPollInterval, TimeSpan.FromMilliseconds(1)),
                (nameof(StatusTimeout), StatusTimeout, TimeSpan.FromMilliseconds(1)),
                (nameof(RetryBaseDelay), RetryBaseDelay, TimeSpan.FromMilliseconds(1)),
                (nameof(RequestTimeout), RequestTimeout, TimeSpan.FromMilliseconds(10)),
            }
        )
        {
            if (value < least || value > TimeSpan.FromDays(1))
            {
                return (SettingKey(name), $"{value} is not allowed: from {least.TotalMilliseconds:0} ms to one day.");
            }
        }

        if (MaxAttempts is < 1 or > 100)
        {
            return (SettingKey(nameof(MaxAttempts)), $"{MaxAttempts} is not allowed: 1 to 100.");
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> reads <c>owner/slug</c> (letters, digits, '-' and '_' in each part).</summary>
    internal static bool IsDatasetReference(string text) =>
        text.Split('/') is [var owner, var slug]
        && owner.Length > 0
        && slug.Length > 0
        && owner.All(IsNameChar)
        && slug.All(IsNameChar);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static string SettingKey(string property) => $"{Section}:{property}";
}
