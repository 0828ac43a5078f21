using System.Text.Json;
using Spectre.Console;

namespace PHDB.Cli.Output;

/// <summary>
/// Where a command writes: <see cref="Console"/> for results (rich tables on a terminal, plain text without ANSI codes
/// when stdout is redirected or <c>NO_COLOR</c> is set), <see cref="Error"/> for problems, and JSON for <c>--json</c>.
/// </summary>
internal sealed class CliOutput
{
    /// <summary>Width of plain output, so redirected tables do not wrap at 80 columns.</summary>
    private const int PlainWidth = 200;

    public CliOutput(IAnsiConsole console, TextWriter error, bool plain, bool interactive)
    {
        Console = console;
        Error = error;
        IsPlain = plain;
        IsInteractive = interactive;
    }

    /// <summary>Results.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Problems and notices (never results).</summary>
    public TextWriter Error { get; }

    /// <summary>No colours, no ANSI codes, no live rendering.</summary>
    public bool IsPlain { get; }

    /// <summary>A person is at a terminal: prompts and live displays are allowed.</summary>
    public bool IsInteractive { get; }

    /// <summary>The output of this process: plain unless stdout is a terminal and <c>NO_COLOR</c> is unset.</summary>
    public static CliOutput ForProcess()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var dumb = string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        var terminal = !System.Console.IsOutputRedirected;
        var plain = noColor || dumb || !terminal;
        var interactive = terminal && !System.Console.IsInputRedirected && !dumb;
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings
            {
                Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
                ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
                Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
                Out = new AnsiConsoleOutput(System.Console.Out),
            }
        );
        if (plain)
        {
            console.Profile.Width = PlainWidth;
        }

        return new CliOutput(console, System.Console.Error, plain, interactive);
    }

    /// <summary>Writes one line of text (no markup).</summary>
    public void Line(string text = "") => Console.WriteLine(text);

    /// <summary>Writes <paramref name="value"/> as indented JSON (the documented <c>--json</c> shape).</summary>
    public void Json<T>(T value) =>
        Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, CliJson.Options));

    /// <summary>A table with the given columns: rounded borders on a terminal, none in plain text.</summary>
    public Table Table(params string[] columns)
    {
        var table = new Table { Border = IsPlain ? TableBorder.None : TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        return table;
    }

    /// <summary>Writes a notice to stderr.</summary>
    public void Notice(string text) => Error.WriteLine(text);
}
