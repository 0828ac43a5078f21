using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace PHDB.ProductHunt;

/// <summary>
/// The GraphQL operations and fragments the client sends, kept as <c>.graphql</c> embedded resources. A document is an
/// operation followed by exactly the fragments it uses, transitively (GraphQL rejects unused fragments).
/// </summary>
public static partial class OperationCatalog
{
    private const string Prefix = "PHDB.ProductHunt.Operations.";

    private static readonly FrozenDictionary<string, string> Files = Load();

    private static readonly FrozenDictionary<string, string> FragmentsByName = Files
        .Select(file => (Match: FragmentName().Match(file.Value), file.Value))
        .Where(f => f.Match.Success)
        .ToFrozenDictionary(f => f.Match.Groups[1].Value, f => f.Value, StringComparer.Ordinal);

    /// <summary>The named operations (files holding a <c>query</c>): viewer and single lookups.</summary>
    public static IReadOnlyList<string> OperationNames { get; } =
    [.. Files.Where(f => !FragmentName().IsMatch(f.Value)).Select(f => f.Key).Order(StringComparer.Ordinal)];

    /// <summary>The fragments, by name.</summary>
    public static IReadOnlyCollection<string> FragmentNames => FragmentsByName.Keys;

    /// <summary>A named operation's complete document (operation and fragments).</summary>
    public static string Operation(string name) =>
        Files.TryGetValue(name, out var text) && !FragmentName().IsMatch(text)
            ? Compose(text)
            : throw new ArgumentException($"No operation named '{name}'.", nameof(name));

    /// <summary>Appends to an operation's text every fragment it spreads, transitively, each once.</summary>
    public static string Compose(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var builder = new StringBuilder(operation.TrimEnd()).Append('\n');
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(Spreads(operation));
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            if (!FragmentsByName.TryGetValue(name, out var fragment))
            {
                throw new InvalidOperationException($"Unknown fragment '{name}'.");
            }

            builder.Append(fragment.TrimEnd()).Append('\n');
            foreach (var next in Spreads(fragment))
            {
                pending.Enqueue(next);
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Spreads(string text) =>
        Spread().Matches(text).Select(m => m.Groups[1].Value).Where(n => n != "on");

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(OperationCatalog).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (
                !resource.StartsWith(Prefix, StringComparison.Ordinal)
                || !resource.EndsWith(".graphql", StringComparison.Ordinal)
            )
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var name = resource[Prefix.Length..^".graphql".Length];
            files[name] = StripComments(reader.ReadToEnd());
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string StripComments(string text) =>
        string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));

    [GeneratedRegex(@"^\s*fragment\s+([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline)]
    private static partial Regex FragmentName();

    [GeneratedRegex(@"\.\.\.\s*([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Spread();
}
