using PHDB.Export;
using PHDB.Export.Schema;

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

    /// <summary>The shortest <see cref="Interval"/> other than zero.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    /// <summary>The formats a publication's export writes (<c>Publishing:Formats</c>).</summary>
    public IList<string> Formats { get; } = ["csv", "parquet", "sqlite"];

    /// <summary>The table layout a publication's export writes (<c>Publishing:Layout</c>).</summary>
    public string Layout { get; set; } = "phdb";

    /// <summary>Checks the settings; returns the first problem as (key, message), or <c>null</c>.</summary>
    public (string Key, string Message)? Validate()
    {
        if (Interval < TimeSpan.Zero)
        {
            return (
                "Publishing:Interval",
                $"'{Interval}' is not allowed: a period such as 7.00:00:00, or 0 for no scheduled releases."
            );
        }

        if (Interval > TimeSpan.Zero && Interval < MinimumInterval)
        {
            return (
                "Publishing:Interval",
                $"'{Interval}' is not allowed: at least {MinimumInterval}, or 0 for no scheduled releases."
            );
        }

        var known = string.Join(", ", ExportFormats.All);
        if (Formats.Count == 0)
        {
            return ("Publishing:Formats", $"No format is set: one or more of {known}.");
        }

        var unknown = Formats.FirstOrDefault(f => !ExportFormats.All.Contains(f, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return ("Publishing:Formats", $"'{unknown}' is not allowed: one or more of {known}.");
        }

        var repeated = Formats.GroupBy(f => f, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            return ("Publishing:Formats", $"'{repeated.Key}' is listed more than once.");
        }

        if (ExportLayouts.Find(Layout) is null)
        {
            return (
                "Publishing:Layout",
                $"'{Layout}' is not allowed: one of {string.Join(", ", ExportLayouts.All.Select(l => l.Name))}."
            );
        }

        return null;
    }
}
