using System.Globalization;

namespace PHDB.Kaggle.Benchmarks;

/// <summary>The parent's command line.</summary>
internal sealed record BenchmarkArguments(
    int SizeMiB,
    int Repeat,
    bool Keep,
    string Directory,
    int ChunkMiB,
    IReadOnlyList<string> Variants
)
{
    public const string Usage =
        "usage: PHDB.Kaggle.Benchmarks [--size-mb 1024] [--repeat 3] [--keep] [--dir DIR] [--chunk-mb N] "
        + "[--only baseline,phdb,phdb-fault]";

    /// <summary>The arguments, or null when they cannot be read.</summary>
    public static BenchmarkArguments? Parse(string[] args)
    {
        var size = 1024;
        var repeat = 3;
        var keep = false;
        var directory = Path.Join(Path.GetTempPath(), "phdb-kaggle-bench");
        var chunk = 0;
        IReadOnlyList<string> variants = Variant.All;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--keep":
                    keep = true;
                    continue;
                case "--size-mb" when Positive(value) is { } n:
                    size = n;
                    break;
                case "--repeat" when Positive(value) is { } n:
                    repeat = n;
                    break;
                case "--chunk-mb" when Positive(value) is { } n:
                    chunk = n;
                    break;
                case "--dir" when !string.IsNullOrEmpty(value):
                    directory = Path.GetFullPath(value);
                    break;
                case "--only" when value?.Split(',') is { } names && names.All(Variant.All.Contains):
                    variants = names;
                    break;
                default:
                    return null;
            }

            i++;
        }

        return new BenchmarkArguments(size, repeat, keep, directory, chunk, variants);
    }

    private static int? Positive(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
