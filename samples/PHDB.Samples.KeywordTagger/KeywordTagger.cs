using System.Text.RegularExpressions;
using PHDB.Extensibility;

namespace PHDB.Samples.KeywordTagger;

/// <summary>
/// Records a finding <c>keyword:&lt;keyword&gt;</c> for each post whose name or tagline mentions one of the keywords
/// of <c>keywords.txt</c> beside the plugin (one a line, <c>#</c> for comments), as whole words, in any case.
/// </summary>
public sealed class KeywordTagger : IHarvestProcessor
{
    private readonly IReadOnlyList<(string Keyword, Regex Pattern)> keywords;

    /// <summary>Reads the keywords beside the plugin's assembly.</summary>
    public KeywordTagger()
        : this(
            File.ReadAllLines(
                Path.Combine(Path.GetDirectoryName(typeof(KeywordTagger).Assembly.Location)!, "keywords.txt")
            )
        ) { }

    /// <summary>Tags the given keywords.</summary>
    public KeywordTagger(IEnumerable<string> lines)
    {
        keywords =
        [
            .. lines
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(k =>
                    (
                        k.ToLowerInvariant(),
                        new Regex(
                            $@"(?<!\w){Regex.Escape(k)}(?!\w)",
                            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                            TimeSpan.FromSeconds(1)
                        )
                    )
                ),
        ];
    }

    /// <inheritdoc />
    public string Name => "keyword-tagger";

    /// <inheritdoc />
    public int Priority => 900;

    /// <inheritdoc />
    public IReadOnlyList<ProcessorFinding> Process(HarvestedBatch batch, CancellationToken cancellationToken)
    {
        var found = new List<ProcessorFinding>();
        foreach (var post in batch.Posts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (keyword, pattern) in keywords)
            {
                if (pattern.IsMatch(post.Name) || pattern.IsMatch(post.Tagline))
                {
                    found.Add(
                        new ProcessorFinding(
                            ProcessorFinding.Post,
                            post.Id,
                            $"keyword:{keyword}",
                            $"mentions '{keyword}': {post.Name} — {post.Tagline}"
                        )
                    );
                }
            }
        }

        return found;
    }
}
