using System.CommandLine;
using PHDB.Cli.Output;
using Spectre.Console.Testing;

namespace PHDB.Cli.Tests;

/// <summary>Every command and option explains itself: a description for each, examples in each command's help.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        foreach (var path in Walk(Root(), []))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Each_command_has_help_with_examples_and_described_options(string path)
    {
        var root = Root();
        using var help = new StringWriter();
        var exit = root.Parse([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"])
            .Invoke(new InvocationConfiguration { Output = help });

        Assert.Equal(0, exit);
        Assert.Contains("Examples:", help.ToString(), StringComparison.Ordinal);
        var command = path.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate((Command)root, (c, name) => c.Subcommands.Single(s => s.Name == name));
        Assert.False(string.IsNullOrWhiteSpace(command.Description), $"{path} has no description");
        Assert.All(command.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Description), $"{path} {o.Name}"));
    }

    private static RootCommand Root() =>
        PhdbCommandLine.Build(new CliOutput(new TestConsole(), TextWriter.Null, plain: true, interactive: false));

    private static IEnumerable<string> Walk(Command command, string[] path)
    {
        yield return string.Join(' ', path);
        foreach (var sub in command.Subcommands)
        {
            foreach (var nested in Walk(sub, [.. path, sub.Name]))
            {
                yield return nested;
            }
        }
    }
}
