using System.CommandLine;
using Microsoft.Extensions.Configuration;
using PHDB.Cli.Configuration;
using PHDB.Cli.Output;
using Spectre.Console;

namespace PHDB.Cli.Commands;

/// <summary><c>phdb config show|validate|set</c>: the AppHost's configuration for a profile, its checks, and changing it.</summary>
internal static class ConfigCommand
{
    public static Command Create(CommandFactory factory)
    {
        var appHost = new Option<string?>("--app-host")
        {
            Description =
                "The AppHost project folder (default: the running AppHost's, else PHDB.AppHost above the current directory)",
            Recursive = true,
            HelpName = "path",
        };
        var command = new Command(
            "config",
            "The AppHost's configuration (appsettings, user secrets, environment) for the profile of --environment"
        )
        {
            appHost,
        };
        command.Subcommands.Add(Show(factory, appHost));
        command.Subcommands.Add(Validate(factory, appHost));
        command.Subcommands.Add(Set(factory, appHost));
        factory.AddExamples(
            command,
            "phdb config show",
            "phdb config validate --environment Production",
            "phdb config set Phdb:Silos 3"
        );
        return command;
    }

    private static AppHostConfiguration Load(CliContext context, Option<string?> appHost) =>
        AppHostConfiguration.Load(
            AppHostLocator.Find(context.Parse.GetValue(appHost), context.DataDirectory),
            context.EnvironmentName
        );

    private static Command Show(CommandFactory factory, Option<string?> appHost)
    {
        var json = GlobalOptions.Json();
        var command = new Command(
            "show",
            "Every setting in force with its value and source (appsettings file, user secrets, environment or default); secrets masked"
        )
        {
            json,
        };
        factory.AddExamples(command, "phdb config show", "phdb config show --environment Production --json");
        factory.SetAction(
            command,
            (context, _) =>
            {
                var configuration = Load(context, appHost);
                var settings = EffectiveSetting.List(configuration);
                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(
                        new ConfigShowJson(configuration.Environment, configuration.Directory, settings)
                    );
                    return Task.FromResult(ExitCodes.Ok);
                }

                context.Output.Line($"Profile: {configuration.Environment}");
                context.Output.Line($"AppHost: {configuration.Directory}");
                var table = context.Output.Table("Key", "Value", "Source");
                foreach (var setting in settings)
                {
                    table.AddRow(
                        Markup.Escape(setting.Key),
                        Markup.Escape(setting.Value ?? "(unset)"),
                        Markup.Escape(setting.Source)
                    );
                }

                context.Output.Console.Write(table);
                return Task.FromResult(ExitCodes.Ok);
            }
        );
        return command;
    }

    private static Command Validate(CommandFactory factory, Option<string?> appHost)
    {
        var command = new Command(
            "validate",
            "Runs the checks the AppHost and its services run at start on the profile's configuration; exit 78 when a setting is invalid"
        );
        factory.AddExamples(command, "phdb config validate", "phdb config validate --environment Production");
        factory.SetAction(
            command,
            (context, _) =>
            {
                var configuration = Load(context, appHost);
                var problems = ConfigurationValidator.Validate(configuration.Root, configuration.Environment);
                if (problems.Count == 0)
                {
                    context.Output.Line($"Configuration valid (profile {configuration.Environment}).");
                    return Task.FromResult(ExitCodes.Ok);
                }

                foreach (var problem in problems)
                {
                    context.Output.Error.WriteLine(problem.ToString());
                }

                context.Output.Error.WriteLine(
                    $"Configuration invalid (profile {configuration.Environment}): {problems.Count} problem{(problems.Count == 1 ? "" : "s")}."
                );
                return Task.FromResult(ExitCodes.Configuration);
            }
        );
        return command;
    }

    private static Command Set(CommandFactory factory, Option<string?> appHost)
    {
        var key = new Argument<string>("key") { Description = "The setting, e.g. Phdb:Silos or Simulator:Scale" };
        var value = new Argument<string>("value")
        {
            Description = "Its value; - reads it from standard input, so a secret stays out of the shell's history",
        };
        var command = new Command(
            "set",
            """
            Checks a value and writes it where the AppHost reads it: secrets (Parameters:*, ConnectionStrings:*, tokens) into the
            AppHost's user secrets, everything else into its appsettings.json. Give a secret as - to read it from
            standard input rather than the command line (which the shell keeps in its history).
            """
        )
        {
            key,
            value,
        };
        factory.AddExamples(
            command,
            "phdb config set Phdb:Silos 3",
            "phdb config set Simulator:Scale 5000",
            "phdb config set Parameters:producthunt-token -   (then paste the token and press Ctrl-D)"
        );
        factory.SetAction(
            command,
            (context, _) =>
            {
                var name = context.Parse.GetValue(key)!;
                var known =
                    SettingsCatalogue.Find(name)
                    ?? throw CliException.Usage(
                        $"Unknown setting '{name}'. Did you mean {SettingsCatalogue.Closest(name)}? `phdb config show` lists them."
                    );
                var text = context.Parse.GetValue(value)!;
                if (text == "-")
                {
                    text = Console.In.ReadToEnd().TrimEnd('\r', '\n');
                }

                var configuration = Load(context, appHost);
                var overlaid = new ConfigurationBuilder()
                    .AddConfiguration(configuration.Root)
                    .AddInMemoryCollection([new KeyValuePair<string, string?>(known.Key, text)])
                    .Build();
                var problems = ConfigurationValidator
                    .Validate(overlaid, configuration.Environment)
                    .Where(p => string.Equals(p.Key, known.Key, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                if (problems.Count > 0)
                {
                    throw CliException.Configuration($"Not written: {problems[0]}.");
                }

                Write(context.Output, configuration, known, text);
                return Task.FromResult(ExitCodes.Ok);
            }
        );
        return command;
    }

    private static void Write(CliOutput output, AppHostConfiguration configuration, KnownSetting known, string value)
    {
        string source;
        if (known.Secret)
        {
            SettingWriter.WriteSecret(configuration.SecretsPath, known.Key, value);
            output.Line(
                $"Wrote {known.Key} (secret, not shown) to the AppHost's user secrets: {configuration.SecretsPath}"
            );
            source = "user secrets";
            if (!AppHostConfiguration.ReadsUserSecrets(configuration.Environment))
            {
                output.Notice(
                    $"Note: in profile {configuration.Environment} the AppHost does not read its user secrets; give it {known.Key.Replace(":", "__", StringComparison.Ordinal)} in its environment."
                );
                return;
            }
        }
        else
        {
            SettingWriter.WriteSetting(configuration.AppSettingsPath, known.Key, value, known.Type);
            output.Line($"Wrote {known.Key} = {value} to {configuration.AppSettingsPath}");
            source = "appsettings.json";
        }

        var now = AppHostConfiguration.Load(configuration.Directory, configuration.Environment).SourceOf(known.Key);
        if (!string.Equals(now, source, StringComparison.Ordinal))
        {
            output.Notice(
                $"Note: {now} also sets {known.Key} and wins, so the value in force is still the one from {now}."
            );
        }
    }
}
