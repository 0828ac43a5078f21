namespace PHDB.Publishing;

/// <summary>Settings of publications (configuration section <c>Publishing</c>).</summary>
public sealed class PublishingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Publishing";

    /// <summary>
    /// How often the cluster publishes a release, after the next completed incremental run (<c>Publishing:Interval</c>,
    /// e.g. <c>7.00:00:00</c>); zero (the default) schedules none.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.Zero;

    /// <summary>The formats a publication's export writes (<c>Publishing:Formats</c>).</summary>
    public IList<string> Formats { get; } = ["csv", "parquet", "sqlite"];

    /// <summary>The table layout a publication's export writes (<c>Publishing:Layout</c>).</summary>
    public string Layout { get; set; } = "phdb";

    /// <summary>Checks the settings; returns the first problem as (key, message), or <c>null</c>.</summary>
    public (string Key, string Message)? Validate() => throw new NotImplementedException();
}
