namespace PHDB.Cli.Completions;

/// <summary>
/// The shell scripts of <c>phdb completions</c>. Each asks <c>phdb</c> itself what may come next with System.CommandLine's
/// suggest directive (<c>phdb "[suggest:&lt;cursor&gt;]" "&lt;command line&gt;"</c>), so commands, options and their
/// values complete as the installed <c>phdb</c> knows them. <c>PHDB_COMPLETE_COMMAND</c> names another command to ask,
/// e.g. <c>dotnet /path/to/phdb.dll</c>.
/// </summary>
internal static class CompletionScripts
{
    /// <summary>The environment variable naming the command the scripts call back.</summary>
    public const string CommandVariable = "PHDB_COMPLETE_COMMAND";

    /// <summary>The shells there is a script for.</summary>
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "fish", "pwsh"];

    /// <summary>The script for <paramref name="shell"/>.</summary>
    /// <exception cref="CliException">An unknown shell (64).</exception>
    public static string For(string shell) =>
        shell switch
        {
            "bash" => Bash,
            "zsh" => Zsh,
            "fish" => Fish,
            "pwsh" => PowerShell,
            _ => throw CliException.Usage($"No completions for '{shell}': choose one of {string.Join(", ", Shells)}."),
        };

    private const string Bash = """
        # bash completion for phdb: source it, or save it as ~/.local/share/bash-completion/completions/phdb
        _phdb_complete() {
            local cur="${COMP_WORDS[COMP_CWORD]}"
            local -a command
            read -r -a command <<< "${PHDB_COMPLETE_COMMAND:-phdb}"
            local suggestions
            suggestions="$("${command[@]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)"
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "${suggestions}" -- "${cur}"))
        }
        complete -o default -F _phdb_complete phdb

        """;

    private const string Zsh = """
        #compdef phdb
        # zsh completion for phdb: source it, or save it as _phdb in a folder of $fpath
        _phdb() {
            local -a command suggestions
            command=(${(z)${PHDB_COMPLETE_COMMAND:-phdb}})
            local line="${(j: :)words}"
            local before="${(j: :)words[1,CURRENT]}"
            suggestions=("${(@f)$("${command[@]}" "[suggest:${#before}]" "${line}" 2>/dev/null)}")
            compadd -a suggestions
        }
        if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then
            _phdb "$@"
        else
            compdef _phdb phdb
        fi

        """;

    private const string Fish = """
        # fish completion for phdb: save it as ~/.config/fish/completions/phdb.fish
        function __phdb_complete
            set -l command phdb
            if set -q PHDB_COMPLETE_COMMAND
                set command (string split ' ' -- $PHDB_COMPLETE_COMMAND)
            end
            set -l line (commandline -cp)
            $command "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c phdb -f -a '(__phdb_complete)'

        """;

    private const string PowerShell = """
        # PowerShell completion for phdb: add `phdb completions pwsh | Out-String | Invoke-Expression` to $PROFILE
        Register-ArgumentCompleter -Native -CommandName phdb -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $command = if ($env:PHDB_COMPLETE_COMMAND) { -split $env:PHDB_COMPLETE_COMMAND } else { @('phdb') }
            $line = $commandAst.ToString()
            $position = $cursorPosition - $commandAst.Extent.StartOffset
            if ($position -gt $line.Length) { $line = $line.PadRight($position) }
            $executable, $arguments = $command
            & $executable @arguments "[suggest:$position]" "$line" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
