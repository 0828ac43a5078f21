using System.Globalization;

namespace PHDB.Testing.Truth;

/// <summary>
/// Compares one set: expected rows (from the truth) with stored rows, where a <see langword="null"/> stored row is a
/// placeholder.
/// </summary>
internal static class SetComparer
{
    public static SetComparison Compare<TKey, TRow>(
        string name,
        IReadOnlyDictionary<TKey, TRow?> expected,
        IReadOnlyDictionary<TKey, TRow?> stored,
        Func<TKey, string> formatKey,
        int sampleSize
    )
        where TKey : notnull, IComparable<TKey>
        where TRow : class, IComparedRow
    {
        var missing = new List<TKey>();
        var missingPlaceholders = 0;
        var differing = new List<TKey>();
        foreach (var (key, row) in expected)
        {
            if (!stored.TryGetValue(key, out var actual) || actual is null)
            {
                missing.Add(key);
                missingPlaceholders += actual is null && stored.ContainsKey(key) ? 1 : 0;
            }
            else if (!actual.Equals(row))
            {
                differing.Add(key);
            }
        }

        var unexpected = stored.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        var placeholders = stored.Values.Count(r => r is null);
        return new SetComparison(
            name,
            TruthCount: expected.Count,
            DatabaseCount: stored.Count - placeholders,
            DatabasePlaceholders: placeholders,
            MissingCount: missing.Count,
            MissingPlaceholders: missingPlaceholders,
            UnexpectedCount: unexpected.Count,
            DifferingCount: differing.Count,
            Missing: [.. Smallest(missing, sampleSize).Select(formatKey)],
            Unexpected: [.. Smallest(unexpected, sampleSize).Select(formatKey)],
            Differing:
            [
                .. Smallest(differing, sampleSize)
                    .Select(k => new RowDifference(formatKey(k), Differences(expected[k]!, stored[k]!))),
            ]
        );
    }

    private static IEnumerable<TKey> Smallest<TKey>(List<TKey> keys, int count)
        where TKey : IComparable<TKey>
    {
        keys.Sort();
        return keys.Take(count);
    }

    private static List<FieldDifference> Differences(IComparedRow truth, IComparedRow database) =>
        [
            .. truth
                .Fields()
                .Zip(database.Fields())
                .Where(pair => !Equals(pair.First.Value, pair.Second.Value))
                .Select(pair => new FieldDifference(
                    pair.First.Field,
                    Format(pair.First.Value),
                    Format(pair.Second.Value)
                )),
        ];

    private static string Format(object? value) =>
        value switch
        {
            null => "null",
            string text => "\"" + text + "\"",
            DateTimeOffset instant => instant
                .ToUniversalTime()
                .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "null",
        };
}
