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

    /// <summary>Checks the settings; returns the first problem as (key, message), or <c>null</c>.</summary>
    public (string Key, string Message)? Validate() => throw new NotImplementedException();
}
