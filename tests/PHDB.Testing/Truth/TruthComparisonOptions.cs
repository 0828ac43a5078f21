using PHDB.Harvest.Processing;

namespace PHDB.Testing.Truth;

/// <summary>How <see cref="TruthComparison"/> reads the truth and reports.</summary>
public sealed record TruthComparisonOptions
{
    /// <summary>
    /// Whether the simulator redacts users (<c>Simulator:Redaction</c>, on by default). The truth is unredacted and
    /// <c>/_sim/world</c> does not say, so the caller must: with redaction off every user is disclosed.
    /// </summary>
    public bool Redaction { get; init; } = true;

    /// <summary>
    /// With <see cref="Redaction"/> on, the users the API disclosed to the harvest: the owners of the applications
    /// whose tokens it used. <see langword="null"/> (the default) takes every application's owner from
    /// <c>/_sim/world</c>, right for a harvest that used every configured application (by default there is one).
    /// </summary>
    public IReadOnlyCollection<long>? DisclosedUserIds { get; init; }

    /// <summary>
    /// How many missing, unexpected and differing rows each set reports (the counts are always complete).
    /// </summary>
    public int SampleSize { get; init; } = 10;

    /// <summary>
    /// What storage keeps of a name or tagline the API returned: by default the harvest sanitiser's single plain line
    /// (<see cref="HtmlText.ToLine"/>). Use <c>s =&gt; s</c> for a database written without the sanitiser.
    /// </summary>
    public Func<string, string> StoredText { get; init; } = HtmlText.ToLine;
}
