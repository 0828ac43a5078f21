using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PHDB.Runtime;

/// <summary>
/// Recognises the ways a bad setting stops a host (options validation, a value the binder cannot convert, an
/// <see cref="InvalidSettingException"/>, an unsupported log level, a missing or malformed connection string) and
/// turns them into one <see cref="SettingFailure"/> naming the full key, the value and what is allowed.
/// </summary>
public static partial class SettingFailures
{
    /// <summary>
    /// The setting behind <paramref name="exception"/> (or one of its inner exceptions), or <see langword="null"/>
    /// when it is not a configuration error; values are looked up in <paramref name="configuration"/>.
    /// </summary>
    public static SettingFailure? From(Exception exception, IConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var candidate in Flatten(exception))
        {
            if (FromOne(candidate, configuration) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    /// <summary>
    /// The failure of <paramref name="key"/>, whose value is <paramref name="value"/>, from a validator's
    /// <paramref name="message"/> (a leading key and an echo of the value are dropped: the line shows both).
    /// </summary>
    public static SettingFailure For(string key, string? value, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        return new SettingFailure(key, value, Reason(key, message, value));
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        var inner =
            exception is AggregateException aggregate ? aggregate.InnerExceptions
            : exception.InnerException is { } one ? [one]
            : (IEnumerable<Exception>)[];
        foreach (var child in inner)
        {
            foreach (var nested in Flatten(child))
            {
                yield return nested;
            }
        }
    }

    private static SettingFailure? FromOne(Exception exception, IConfiguration? configuration)
    {
        switch (exception)
        {
            case InvalidSettingException { Key.Length: > 0 } invalid:
                return new SettingFailure(
                    invalid.Key,
                    configuration?[invalid.Key],
                    Reason(invalid.Key, invalid.Message, configuration?[invalid.Key])
                );
            case OptionsValidationException validation when validation.Failures.FirstOrDefault() is { } first:
                return FromValidation(validation.OptionsType, first, configuration);
            case InvalidOperationException when ConvertFailed().Match(exception.Message) is { Success: true } convert:
            {
                var key = convert.Groups["key"].Value;
                var value = configuration?[key] ?? NullIfEmpty(convert.Groups["value"].Value);
                return new SettingFailure(key, value, AllowedFor(convert.Groups["type"].Value));
            }
            case InvalidOperationException when LogLevelUnsupported().Match(exception.Message) is { Success: true } log:
                return new SettingFailure(
                    LogLevelKey(log.Groups["value"].Value, log.Groups["category"].Value, configuration),
                    log.Groups["value"].Value,
                    "one of " + string.Join(", ", LogLevels)
                );
            case InvalidOperationException when ConnectionString().Match(exception.Message) is { Success: true } named:
            {
                var key = named.Groups["key"].Value;
                var value = configuration?[key];
                return string.IsNullOrWhiteSpace(value)
                    ? new SettingFailure(key, null, Reason(key, exception.Message, null))
                    : new SettingFailure(key, value, SettingsGuard.ConnectionStringAllowed);
            }
            default:
                return null;
        }
    }

    private static readonly string[] LogLevels =
    [
        "Trace",
        "Debug",
        "Information",
        "Warning",
        "Error",
        "Critical",
        "None",
    ];

    /// <summary>The <c>Logging:…:LogLevel:…</c> key holding <paramref name="value"/> (the logger names only the value).</summary>
    private static string LogLevelKey(string value, string category, IConfiguration? configuration)
    {
        var key = configuration
            ?.AsEnumerable()
            .Where(pair =>
                pair.Key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase)
                && pair.Key.Contains(":LogLevel:", StringComparison.OrdinalIgnoreCase)
                && string.Equals(pair.Value, value, StringComparison.Ordinal)
                && (category.Length == 0 || pair.Key.EndsWith(":" + category, StringComparison.OrdinalIgnoreCase))
            )
            .Select(pair => pair.Key)
            .Order(StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault();
        return key ?? "Logging:LogLevel:" + (category.Length == 0 ? "Default" : category);
    }

    private static SettingFailure FromValidation(Type optionsType, string failure, IConfiguration? configuration)
    {
        var section = SectionOf(optionsType);
        string key;
        string reason;
        if (DataAnnotation().Match(failure) is { Success: true } annotation)
        {
            // Several members (a cross-field rule) name the first; a nested member's path uses dots.
            var member = annotation.Groups["member"].Value.Split(',')[0].Trim().Replace('.', ':');
            key = ResolveKey(member, section, configuration);
            reason = annotation.Groups["error"].Value;
        }
        else if (LeadingKey().Match(failure) is { Success: true } leading)
        {
            key = leading.Groups["key"].Value;
            reason = leading.Groups["rest"].Value.TrimStart(':', ' ');
            if (FieldPrefix().Match(reason) is { Success: true } field)
            {
                key += ":" + field.Groups["member"].Value;
            }

            key = ResolveKey(key, section, configuration);
        }
        else
        {
            key = section;
            reason = failure;
        }

        var value = configuration?[key];
        return new SettingFailure(key, value, Reason(key, reason, value));
    }

    /// <summary>The options type's section: its <c>Section</c> or <c>SectionName</c> constant, else its name less "Options".</summary>
    private static string SectionOf(Type optionsType)
    {
        foreach (var name in new[] { "Section", "SectionName" })
        {
            if (
                optionsType.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section
            )
            {
                return section;
            }
        }

        return optionsType.Name.EndsWith("Options", StringComparison.Ordinal)
            ? optionsType.Name[..^"Options".Length]
            : optionsType.Name;
    }

    /// <summary>The full key for <paramref name="partial"/> (a member or a key relative to its section).</summary>
    private static string ResolveKey(string partial, string section, IConfiguration? configuration)
    {
        if (configuration is not null)
        {
            var matches = configuration
                .AsEnumerable()
                .Where(pair =>
                    pair.Value is not null
                    && (
                        string.Equals(pair.Key, partial, StringComparison.OrdinalIgnoreCase)
                        || pair.Key.EndsWith(":" + partial, StringComparison.OrdinalIgnoreCase)
                    )
                )
                .Select(pair => pair.Key)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var best =
                matches.FirstOrDefault(key => string.Equals(key, partial, StringComparison.OrdinalIgnoreCase))
                ?? matches.FirstOrDefault(key => key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
                ?? (matches.Count == 1 ? matches[0] : null);
            if (best is not null)
            {
                return best;
            }
        }

        return partial.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase) ? partial : $"{section}:{partial}";
    }

    /// <summary>"Phdb:Silos must be 1 to 16; it is '0'." becomes "must be 1 to 16"; "The field Scale must …" "must …".</summary>
    private static string Reason(string key, string message, string? value)
    {
        var reason = message.Trim();
        var lastSegment = key.Split(':')[^1];
        foreach (var prefix in new[] { key, lastSegment })
        {
            if (reason.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
            {
                reason = reason[(prefix.Length + 1)..];
                break;
            }
        }

        if (FieldPrefix().Match(reason) is { Success: true } field)
        {
            reason = reason[field.Length..];
        }

        if (value is not null)
        {
            foreach (var echo in new[] { $"; it is '{value}'.", $"; it is '{value}'", $"'{value}' is not allowed: " })
            {
                reason = reason.Replace(echo, "", StringComparison.Ordinal);
            }
        }

        return reason.TrimEnd('.', ' ');
    }

    /// <summary>What a value of <paramref name="typeName"/> (as the binder names it) may be.</summary>
    private static string AllowedFor(string typeName)
    {
        var name = NullableOf().Match(typeName) is { Success: true } nullable
            ? nullable.Groups["inner"].Value
            : typeName;
        return name switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt32" or "System.UInt64" =>
                "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number, e.g. 1.5",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration as [d.]hh:mm:ss, e.g. 00:15:00",
            "System.DateTimeOffset" or "System.DateTime" => "a date and time, e.g. 2024-01-01T00:00:00Z",
            "System.Uri" => "a URL, e.g. http://127.0.0.1:5090/",
            _ when FindType(name) is { IsEnum: true } enumType => "one of "
                + string.Join(", ", enumType.GetEnumNames()),
            _ => $"a value of type {name.Split('.')[^1]}",
        };
    }

    private static Type? FindType(string fullName)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            try
            {
                if (assembly.GetType(fullName, throwOnError: false) is { } type)
                {
                    return type;
                }
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                // A dynamic or unloadable assembly: not where a setting's type lives.
            }
        }

        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex(
        @"^Failed to convert configuration value (?:'(?<value>.*)' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'",
        RegexOptions.Singleline
    )]
    private static partial Regex ConvertFailed();

    [GeneratedRegex(
        @"^Configuration value '(?<value>.*)' (?:for category '(?<category>[^']*)' )?is (?:not supported|unsupported)"
    )]
    private static partial Regex LogLevelUnsupported();

    [GeneratedRegex(@"^(?<key>ConnectionStrings:[\w\-]+) ")]
    private static partial Regex ConnectionString();

    [GeneratedRegex(
        @"^DataAnnotation validation failed for '[^']*' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\.?$",
        RegexOptions.Singleline
    )]
    private static partial Regex DataAnnotation();

    [GeneratedRegex(
        @"^(?<key>[A-Za-z_][\w\-]*(?:\[[^\]]*\])?(?::[A-Za-z_][\w\-]*(?:\[[^\]]*\])?)+)(?<rest>(?::| ).*)$",
        RegexOptions.Singleline
    )]
    private static partial Regex LeadingKey();

    [GeneratedRegex(@"^The field (?<member>\w+) ")]
    private static partial Regex FieldPrefix();

    [GeneratedRegex(@"^System\.Nullable`1\[\[(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();
}
