using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace PHDB.Kaggle.Benchmarks;

/// <summary>
/// A synthetic export on disk: one file of half the size and four of an eighth, incompressible pseudo-random bytes
/// (xoshiro256** from a fixed seed), with their SHA-256 in <c>manifest.json</c>. Reused when the manifest matches.
/// </summary>
internal sealed record SyntheticExport(string Directory, IReadOnlyList<ExportFile> Files)
{
    private const ulong Seed = 20261205;
    private const int BlockBytes = 1 << 20;
    private const string ManifestName = "manifest.json";

    public long Bytes => Files.Sum(f => f.Bytes);

    public string PathOf(ExportFile file) => Path.Join(Directory, file.Name);

    /// <summary>The export of <paramref name="sizeMiB"/> MiB under <paramref name="root"/>, written unless reusable.</summary>
    public static async Task<SyntheticExport> PrepareAsync(string root, int sizeMiB, bool reuse)
    {
        var directory = Path.Join(root, $"export-{sizeMiB}MiB");
        var sizes = Sizes((long)sizeMiB << 20);
        var manifest = Path.Join(directory, ManifestName);
        if (reuse && File.Exists(manifest))
        {
            var files = JsonSerializer.Deserialize<ExportFile[]>(await File.ReadAllTextAsync(manifest));
            if (
                files is not null
                && files.Select(f => f.Bytes).SequenceEqual(sizes)
                && files.All(f =>
                    new FileInfo(Path.Join(directory, f.Name)) is { Exists: true } info && info.Length == f.Bytes
                )
            )
            {
                return new SyntheticExport(directory, files);
            }
        }

        System.IO.Directory.CreateDirectory(directory);
        File.Delete(manifest);
        var written = new List<ExportFile>();
        for (var i = 0; i < sizes.Count; i++)
        {
            var name = $"part-{i + 1}.bin";
            var sha256 = await WriteAsync(Path.Join(directory, name), sizes[i], Seed + (ulong)i);
            written.Add(new ExportFile(name, sizes[i], sha256));
        }

        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(written));
        return new SyntheticExport(directory, written);
    }

    /// <summary>Half the bytes in the first file, the rest in four files (the last takes the remainder).</summary>
    private static List<long> Sizes(long total)
    {
        var large = total / 2;
        var small = (total - large) / 4;
        return [large, small, small, small, total - large - (3 * small)];
    }

    private static async Task<string> WriteAsync(string path, long length, ulong seed)
    {
        var generator = new Xoshiro256(seed);
        var block = new byte[BlockBytes];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(
            path,
            FileMode.Create,
            FileAccess.Write,
            FileShare.None,
            bufferSize: 0,
            FileOptions.Asynchronous
        );
        for (var done = 0L; done < length; )
        {
            generator.Fill(MemoryMarshal.Cast<byte, ulong>(block.AsSpan()));
            var count = (int)Math.Min(BlockBytes, length - done);
            hash.AppendData(block, 0, count);
            await file.WriteAsync(block.AsMemory(0, count));
            done += count;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>xoshiro256** seeded by SplitMix64: fast, deterministic, and incompressible to gzip and zstd.</summary>
    private struct Xoshiro256
    {
        private ulong s0;
        private ulong s1;
        private ulong s2;
        private ulong s3;

        public Xoshiro256(ulong seed)
        {
            s0 = SplitMix(ref seed);
            s1 = SplitMix(ref seed);
            s2 = SplitMix(ref seed);
            s3 = SplitMix(ref seed);
        }

        public void Fill(Span<ulong> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BitOperations.RotateLeft(s1 * 5, 7) * 9;
                var t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = BitOperations.RotateLeft(s3, 45);
            }
        }

        private static ulong SplitMix(ref ulong state)
        {
            var z = state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
