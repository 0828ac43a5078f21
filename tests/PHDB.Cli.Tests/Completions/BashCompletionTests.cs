using System.Diagnostics;

namespace PHDB.Cli.Tests.Completions;

/// <summary>The bash script of <c>phdb completions bash</c>, sourced in a real bash and asked as bash asks it.</summary>
public sealed class BashCompletionTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("phdb-completions-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("phdb ru", "runs")]
    [InlineData("phdb conf", "config")]
    [InlineData("phdb completions f", "fish")]
    [InlineData("phdb runs --li", "--limit")]
    [InlineData("phdb sy", "sync")]
    [InlineData("phdb sync --fo", "--follow")]
    public async Task Completes_what_phdb_suggests(string line, string expected)
    {
        var completions = await CompleteAsync(line);

        Assert.Contains(expected, completions);
    }

    [Fact]
    public async Task Completes_only_what_matches_the_word()
    {
        var completions = await CompleteAsync("phdb config s");

        Assert.Equal(["set", "show"], completions.Order(StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<string>> CompleteAsync(string line)
    {
        var script = await CliProcess.RunAsync("completions", "bash");
        Assert.True(script.ExitCode == 0, script.ToString());
        var path = Path.Combine(_directory.FullName, "phdb.bash");
        await File.WriteAllTextAsync(path, script.Output);

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(
            """
            source "$1"
            COMP_LINE="$2"
            COMP_POINT=${#COMP_LINE}
            read -r -a COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _phdb_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """
        );
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(line);
        start.Environment["PHDB_COMPLETE_COMMAND"] = $"dotnet {CliProcess.AssemblyPath}";
        start.Environment["PHDB_DATA_DIRECTORY"] = Path.Combine(Path.GetTempPath(), "phdb-cli-tests-empty");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"bash exited {process.ExitCode}: {await error}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
