using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PHDB.Runtime;

/// <summary>
/// Makes a host stop on a bad setting with one line on stderr (<see cref="SettingFailure.Describe"/>) and exit code
/// <see cref="ExitCode"/>, never a stack trace; and checks every setting when the host starts, not at first use.
/// </summary>
public static class SettingsGuard
{
    /// <summary>EX_CONFIG (sysexits.h): a setting is missing or invalid.</summary>
    public const int ExitCode = 78;

    /// <summary>What a connection string must be.</summary>
    internal const string ConnectionStringAllowed =
        "must be a PostgreSQL connection string such as Host=127.0.0.1;Port=5432;Database=phdb;Username=phdb";

    /// <summary>
    /// From now on, a configuration error that would end the process as an unhandled exception instead prints one
    /// line naming the key, the value and what is allowed, and exits <see cref="ExitCode"/>. Other errors are left
    /// as they are.
    /// </summary>
    /// <param name="configuration">Where the failing values are looked up.</param>
    /// <param name="host">The host's name at the start of the line, e.g. <c>silo</c>.</param>
    public static void ExitOnInvalidSetting(this IConfiguration configuration, string host)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (
                e.ExceptionObject is Exception exception
                && SettingFailures.From(exception, configuration) is { } failure
            )
            {
                Exit(host, failure);
            }
        };
    }

    /// <summary>Prints <paramref name="failure"/>'s line on stderr and exits with <see cref="ExitCode"/>.</summary>
    [DoesNotReturn]
    public static void Exit(string host, SettingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Console.Error.WriteLine(failure.Describe(host));
        Console.Error.Flush();
        Environment.Exit(ExitCode);
    }

    /// <summary>
    /// Checks now, before the host starts anything, every connection string and every options type registered with
    /// <c>ValidateOnStart</c> (which the host would otherwise report after logging a stack trace).
    /// </summary>
    /// <exception cref="InvalidSettingException">A connection string is malformed.</exception>
    /// <exception cref="OptionsValidationException">An options type is invalid.</exception>
    public static void ValidateSettings(this IServiceProvider services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        CheckConnectionStrings(configuration);
        services.GetService<IStartupValidator>()?.Validate();
    }

    /// <summary>Every <c>ConnectionStrings:*</c> value must be a PostgreSQL connection string.</summary>
    /// <exception cref="InvalidSettingException">One is not.</exception>
    public static void CheckConnectionStrings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var entry in configuration.GetSection("ConnectionStrings").GetChildren())
        {
            if (string.IsNullOrWhiteSpace(entry.Value))
            {
                continue;
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(entry.Value);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                // The parser's message may quote the password: it is not passed on.
                throw new InvalidSettingException(entry.Path, ConnectionStringAllowed);
            }
        }
    }
}
