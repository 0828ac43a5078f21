using PHDB.Testing;

namespace PHDB.IntegrationTests.Configuration;

/// <summary>What every host's refusal of a setting looks like: exit 78 and one line naming the key and the value.</summary>
internal static class InvalidSettingLine
{
    /// <summary>Asserts exit 78, a single stderr line without a stack trace naming <paramref name="key"/> and <paramref name="shown"/>.</summary>
    public static string Assert(ProcessResult result, string host, string key, string shown)
    {
        Xunit.Assert.True(result.ExitCode == 78, result.ToString());
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Xunit.Assert.Single(lines);
        Xunit.Assert.StartsWith($"{host}: invalid setting {key}", line, StringComparison.Ordinal);
        Xunit.Assert.Contains(shown, line, StringComparison.Ordinal);
        foreach (var text in new[] { result.Error, result.Output })
        {
            Xunit.Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
            Xunit.Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }

        return line;
    }
}
