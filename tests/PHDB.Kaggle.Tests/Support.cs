namespace PHDB.Kaggle.Tests;

/// <summary>A fresh folder under the temp directory, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("phdb-kaggle-").FullName;

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> (creating folders) and returns the full path.</summary>
    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>An environment for the credential locator: variables from a dictionary, nothing from the process.</summary>
internal sealed class FakeEnvironment
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public string? this[string name]
    {
        get => _variables.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                _variables.Remove(name);
            }
            else
            {
                _variables[name] = value;
            }
        }
    }

    public string? Read(string name) => this[name];
}

/// <summary>Bounded waits for what becomes true on another thread, failing with what was expected.</summary>
internal static class Until
{
    public static async Task HoldsAsync(Func<bool> condition, string expectation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException($"Expected within 20 s: {expectation}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TestContext.Current.CancellationToken);
        }
    }
}
