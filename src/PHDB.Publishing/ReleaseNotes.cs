using System.Globalization;
using PHDB.Export;

namespace PHDB.Publishing;

/// <summary>Version notes generated from what changed since the last published version.</summary>
public static class ReleaseNotes
{
    /// <summary>The longest notes generated; lists of tables are cut to fit.</summary>
    public const int MaxLength = 2000;

    /// <summary>
    /// Rows added per table since <paramref name="previous"/> (all rows when there is none), how far the harvest
    /// got (its high-water mark) and the harvest runs included. Plain text, one statement per line; the same
    /// inputs always give the same notes. Of <paramref name="runs"/>, only those the export can hold count: up to
    /// the manifest's last succeeded run.
    /// </summary>
    public static string Generate(
        ExportManifest manifest,
        PublicationRecord? previous,
        IReadOnlyList<HarvestRunSummary> runs
    )
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(runs);
        var lines = new List<string>();
        var total = manifest.Tables.Values.Sum();
        if (previous is null)
        {
            lines.Add(
                Within(
                    $"First release: {N(total)} rows in {N(manifest.Tables.Count)} tables",
                    [.. manifest.Tables.Select(t => $"{t.Key} {N(t.Value)}")],
                    "; ",
                    " (",
                    ")."
                )
            );
        }
        else
        {
            lines.AddRange(Changes(manifest, previous, total));
        }

        lines.Add(
            manifest.HighWater.NewestObservation is { } highWater
                ? $"Harvested through {highWater.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC."
                : "Nothing harvested yet."
        );
        lines.Add(Runs(manifest, previous, runs));
        var text = string.Join('\n', lines);
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    private static IEnumerable<string> Changes(ExportManifest manifest, PublicationRecord previous, long total)
    {
        var since = previous.Version is { } version ? $"version {I(version)}" : $"publication {I(previous.Id)}";
        var when = previous.FinishedAt ?? previous.StartedAt;
        since += $" ({when.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
        var changed = new List<string>();
        var unchanged = new List<string>();
        foreach (var (table, rows) in manifest.Tables)
        {
            var before = previous.Tables.GetValueOrDefault(table);
            if (rows == before)
            {
                unchanged.Add(table);
            }
            else
            {
                var delta = rows - before;
                var sign = delta > 0 ? "+" : "-";
                changed.Add($"{table} {sign}{N(Math.Abs(delta))} (total {N(rows)})");
            }
        }

        if (changed.Count == 0)
        {
            yield return $"No rows changed since {since}: {N(total)} rows in {N(manifest.Tables.Count)} tables.";
        }
        else
        {
            yield return Within($"Rows added since {since}", changed, "; ", ": ", ".");
            if (unchanged.Count > 0)
            {
                yield return Within("Unchanged", unchanged, ", ", ": ", ".");
            }
        }

        var dropped = previous.Tables.Keys.Where(t => !manifest.Tables.ContainsKey(t)).Order(StringComparer.Ordinal);
        if (dropped.Any())
        {
            yield return Within("No longer included", [.. dropped], ", ", ": ", ".");
        }
    }

    private static string Runs(
        ExportManifest manifest,
        PublicationRecord? previous,
        IReadOnlyList<HarvestRunSummary> runs
    )
    {
        var included = manifest.HighWater.LastRunId is { } last
            ? runs.Where(r => r.Id <= last && (previous?.LastRunId is not { } after || r.Id > after))
                .OrderBy(r => r.Id)
                .ToList()
            : [];
        if (included.Count == 0)
        {
            return previous is null
                ? "No harvest run had finished yet."
                : "No harvest run finished since the last release.";
        }

        var modes = string.Join(
            ", ",
            included
                .GroupBy(r => r.Mode, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{N(g.Count())} {g.Key}")
        );
        return included.Count == 1
            ? $"Includes harvest run #{I(included[0].Id)} ({included[0].Mode})."
            : $"Includes harvest runs #{I(included[0].Id)}–#{I(included[^1].Id)} ({modes}).";
    }

    /// <summary>
    /// <paramref name="head"/> and the items, as many as fit in a few hundred characters, then how many more.
    /// </summary>
    private static string Within(string head, List<string> items, string separator, string open, string close)
    {
        const int budget = 600;
        var shown = new List<string>();
        var length = head.Length + open.Length + close.Length;
        foreach (var item in items)
        {
            if (length + item.Length + separator.Length > budget && shown.Count > 0)
            {
                break;
            }

            shown.Add(item);
            length += item.Length + separator.Length;
        }

        var more = items.Count - shown.Count;
        var tail = more > 0 ? $"{separator}and {N(more)} more" : "";
        return head + open + string.Join(separator, shown) + tail + close;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
