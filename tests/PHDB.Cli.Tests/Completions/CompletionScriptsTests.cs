using System.CommandLine.Completions;
using PHDB.Cli.Completions;
using PHDB.Cli.Output;
using Spectre.Console.Testing;

namespace PHDB.Cli.Tests.Completions;

/// <summary>The scripts of <c>phdb completions</c> and the directive they call back.</summary>
public sealed class CompletionScriptsTests
{
    [Theory]
    [InlineData("bash", "complete -o default -F _phdb_complete phdb")]
    [InlineData("zsh", "compdef _phdb phdb")]
    [InlineData("fish", "complete -c phdb")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName phdb")]
    public void Each_shell_has_a_script_that_asks_phdb(string shell, string registration)
    {
        var script = CompletionScripts.For(shell);

        Assert.Contains(registration, script, StringComparison.Ordinal);
        Assert.Contains("[suggest:", script, StringComparison.Ordinal);
        Assert.Contains(CompletionScripts.CommandVariable, script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_command_answers_the_suggest_directive()
    {
        var root = PhdbCommandLine.Build(
            new CliOutput(new TestConsole(), TextWriter.Null, plain: true, interactive: false)
        );

        Assert.Contains(root.Directives, directive => directive is SuggestDirective);
    }

    [Fact]
    public async Task An_unknown_shell_exits_64()
    {
        var result = await CliProcess.RunAsync("completions", "tcsh");

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Contains("tcsh", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_is_printed_as_is()
    {
        var result = await CliProcess.RunAsync("completions", "zsh");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CompletionScripts.For("zsh"), result.Output);
    }
}
