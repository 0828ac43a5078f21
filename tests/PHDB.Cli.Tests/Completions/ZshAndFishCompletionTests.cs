using System.Diagnostics;
using PHDB.Testing;

namespace PHDB.Cli.Tests.Completions;

/// <summary>
/// The zsh and fish scripts of <c>phdb completions</c>, loaded in the real shells and asked as they ask: fish through
/// <c>complete -C</c>; zsh with its completion context set and <c>compadd</c> recording what it is offered.
/// </summary>
public sealed class ZshAndFishCompletionTests : IDisposable
{
    private const string Fish = """
        source $argv[1]
        complete -C $argv[2]
        """;

    private const string Zsh = """
        compdef() { : }
        compadd() { [[ $1 == -a ]] && print -l -- "${(@P)2}" }
        source "$1"
        words=(${(z)2})
        [[ "$2" == *" " ]] && words+=("")
        CURRENT=${#words}
        _phdb
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("phdb-completions-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("fish", "phdb sy", "sync")]
    [InlineData("fish", "phdb sync --fo", "--follow")]
    [InlineData("fish", "phdb completions ", "zsh")]
    [InlineData("zsh", "phdb sy", "sync")]
    [InlineData("zsh", "phdb sync --fo", "--follow")]
    [InlineData("zsh", "phdb completions ", "fish")]
    public async Task The_shell_completes_what_phdb_suggests(string shell, string line, string expected)
    {
        var completions = await CompleteAsync(shell, line);

        Assert.Contains(expected, completions);
    }

    private async Task<IReadOnlyList<string>> CompleteAsync(string shell, string line)
    {
        var script = await CliProcess.RunAsync("completions", shell);
        Assert.True(script.ExitCode == 0, script.ToString());
        var path = Path.Combine(_directory.FullName, $"phdb.{shell}");
        await File.WriteAllTextAsync(path, script.Output);

        var start = new ProcessStartInfo(shell);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(shell == "fish" ? Fish : Zsh);
        if (shell == "zsh")
        {
            start.ArgumentList.Add("zsh");
        }

        start.ArgumentList.Add(path);
        start.ArgumentList.Add(line);
        start.Environment["PHDB_COMPLETE_COMMAND"] = $"dotnet {CliProcess.AssemblyPath}";
        start.Environment["PHDB_DATA_DIRECTORY"] = Path.Combine(Path.GetTempPath(), "phdb-cli-tests-empty");
        var result = await ProcessRun.RunAsync(
            start,
            null,
            TimeSpan.FromSeconds(60),
            TestContext.Current.CancellationToken
        );
        Assert.True(result.ExitCode == 0, result.ToString());
        // fish prints "candidate<TAB>description".
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0])];
    }
}
