using System.CommandLine;
using PHDB.Cli.Completions;

namespace PHDB.Cli.Commands;

/// <summary><c>phdb completions bash|zsh|fish|pwsh</c>: the shell script that completes phdb's commands and options.</summary>
internal static class CompletionsCommand
{
    public static Command Create(CommandFactory factory)
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash, zsh, fish or pwsh" };
        shell.AcceptOnlyFromAmong([.. CompletionScripts.Shells]);
        var command = new Command(
            "completions",
            $"""
            Prints a script that completes phdb's commands, options and values in the shell; it asks phdb itself
            (set {CompletionScripts.CommandVariable} to call another command, e.g. "dotnet /path/to/phdb.dll").
            """
        )
        {
            shell,
        };
        factory.AddExamples(
            command,
            "phdb completions bash > ~/.local/share/bash-completion/completions/phdb",
            "phdb completions zsh > ~/.zfunc/_phdb   (with ~/.zfunc in fpath, before compinit)",
            "phdb completions fish > ~/.config/fish/completions/phdb.fish",
            "phdb completions pwsh | Out-String | Invoke-Expression   (in $PROFILE)"
        );
        factory.SetAction(
            command,
            (context, _) =>
            {
                context.Output.Console.Profile.Out.Writer.Write(CompletionScripts.For(context.Parse.GetValue(shell)!));
                return Task.FromResult(ExitCodes.Ok);
            }
        );
        return command;
    }
}
