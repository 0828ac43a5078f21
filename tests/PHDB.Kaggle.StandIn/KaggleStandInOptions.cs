namespace PHDB.Kaggle.StandIn;

/// <summary>How a <see cref="KaggleStandIn"/> is set up: the credentials it accepts, its clocks and where it keeps blobs.</summary>
public sealed class KaggleStandInOptions
{
    /// <summary>The account that owns every dataset created through the stand-in (Basic user name).</summary>
    public string Username { get; set; } = "phdb-tester";

    /// <summary>The API key of <see cref="Username"/> (Basic <c>username:key</c>).</summary>
    public string Key { get; set; } = "0123456789abcdef0123456789abcdef";

    /// <summary>The API token of <see cref="Username"/> (Bearer).</summary>
    public string ApiToken { get; set; } = "KGAT_standin0123456789";

    /// <summary>How long a <c>createUrl</c> accepts bytes; afterwards it answers 404.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many <c>GetDatasetStatus</c> polls a new version takes to reach <c>READY</c> (or <c>FAILED</c>).</summary>
    public int StatusPollsUntilReady { get; set; } = 2;

    /// <summary>Where uploaded blobs are kept; a temporary folder deleted on dispose when unset.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The clock for upload URL lifetimes, version dates and the create answer delay.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }
}
