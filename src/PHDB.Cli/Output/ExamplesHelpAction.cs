using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PHDB.Cli.Output;

/// <summary>Help as System.CommandLine writes it, followed by the command's examples.</summary>
internal sealed class ExamplesHelpAction(HelpAction standard, IReadOnlyDictionary<Command, string[]> examples)
    : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var result = standard.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines) && lines.Length > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines)
            {
                output.WriteLine($"  {line}");
            }

            output.WriteLine();
        }

        return result;
    }
}
