using System.Globalization;
using System.Text;

namespace PHDB.Testing.Truth;

/// <summary>
/// The database compared with the simulator's truth at one simulated instant, set by set. A failing assertion
/// prints it: <c>Assert.True(report.IsExactMatch, report.ToString())</c>.
/// </summary>
/// <param name="SimulatedNow">The instant the truth was read at.</param>
/// <param name="DisclosedUserIds">
/// The users treated as disclosed by the API (every other user is redacted); <see langword="null"/> when redaction is
/// off and every user is disclosed.
/// </param>
/// <param name="Sets">Every compared set, in the order of the properties below.</param>
public sealed record TruthReport(
    DateTimeOffset SimulatedNow,
    IReadOnlyCollection<long>? DisclosedUserIds,
    IReadOnlyList<SetComparison> Sets
)
{
    /// <summary>Whether every set matches exactly.</summary>
    public bool IsExactMatch => Sets.All(s => s.IsExactMatch);

    /// <summary>Posts.</summary>
    public SetComparison Posts => this["posts"];

    /// <summary>Disclosed users referenced by the truth.</summary>
    public SetComparison Users => this["users"];

    /// <summary>Topics.</summary>
    public SetComparison Topics => this["topics"];

    /// <summary>Collections.</summary>
    public SetComparison Collections => this["collections"];

    /// <summary>Comments and replies.</summary>
    public SetComparison Comments => this["comments"];

    /// <summary>Votes.</summary>
    public SetComparison Votes => this["votes"];

    /// <summary>Post–topic links.</summary>
    public SetComparison PostTopics => this["post_topics"];

    /// <summary>Disclosed post–maker links and per-post redacted maker counts.</summary>
    public SetComparison PostMakers => this["post_makers"];

    /// <summary>Collection–post links.</summary>
    public SetComparison CollectionPosts => this["collection_posts"];

    /// <summary>The set named <paramref name="name"/>.</summary>
    public SetComparison this[string name] =>
        Sets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No compared set is named '{name}'.");

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        var differing = Sets.Count(s => !s.IsExactMatch);
        text.Append("Database vs simulator truth at ")
            .Append(SimulatedNow.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Append(": ")
            .Append(differing == 0 ? "exact match" : $"{differing} of {Sets.Count} sets differ")
            .AppendLine();
        foreach (var set in Sets)
        {
            set.AppendTo(text);
        }

        return text.ToString().TrimEnd();
    }
}
