using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace PHDB.Cli.Configuration;

/// <summary>
/// A configuration section a service binds to an options class (e.g. <c>Harvest</c> to <c>HarvestOptions</c>): its
/// settings are the class's properties, and it is valid when the bound instance passes the data annotations (nested
/// objects included) and the service's own validators.
/// </summary>
/// <param name="Prefix">The section, e.g. <c>Harvest:Worker</c>.</param>
/// <param name="Type">The options class.</param>
/// <param name="Prepare">Fills in what the AppHost supplies itself before the instance is validated.</param>
/// <param name="Validators">The service's further checks, returning failure messages.</param>
internal sealed partial record OptionsSection(
    string Prefix,
    Type Type,
    Action<object>? Prepare = null,
    Func<object, IEnumerable<string>>? Validators = null
)
{
    /// <summary>Every single-value setting of the class, with its default.</summary>
    public IEnumerable<KnownSetting> Settings() => Leaves(Type, Activator.CreateInstance(Type), Prefix);

    /// <summary>The type of the setting <paramref name="key"/> in this section, or <see langword="null"/> if it has none.</summary>
    public Type? TypeOf(string key)
    {
        if (!key.StartsWith(Prefix + ":", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var type = Type;
        foreach (var segment in key[(Prefix.Length + 1)..].Split(':'))
        {
            if (ElementType(type) is { } element && int.TryParse(segment, out _))
            {
                type = element;
                continue;
            }

            var property = Writable(type)
                .FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return SettingTypes.IsLeaf(type) ? type : null;
    }

    /// <summary>Binds the section of <paramref name="configuration"/> and returns what the service would refuse.</summary>
    public IEnumerable<(string Key, string Reason)> Validate(IConfiguration configuration)
    {
        var instance = Activator.CreateInstance(Type)!;
        configuration.GetSection(Prefix).Bind(instance);
        Prepare?.Invoke(instance);
        var problems = new List<(string, string)>();
        Annotations(instance, Prefix, problems);
        foreach (var failure in Validators?.Invoke(instance) ?? [])
        {
            // "Section:Path: The field X ..." repeats a nested annotation already reported above.
            if (!NestedAnnotation().IsMatch(failure))
            {
                problems.Add(Keyed(failure));
            }
        }

        return problems;
    }

    private (string Key, string Reason) Keyed(string failure)
    {
        var space = failure.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return (Prefix, failure);
        }

        var first = failure[..space];
        var key = first.StartsWith(Prefix + ":", StringComparison.OrdinalIgnoreCase) ? first : $"{Prefix}:{first}";
        return (key, Reason(failure[(space + 1)..]));
    }

    private static void Annotations(object instance, string path, List<(string, string)> problems)
    {
        var results = new List<ValidationResult>();
        if (
            !Validator.TryValidateObject(
                instance,
                new ValidationContext(instance),
                results,
                validateAllProperties: true
            )
        )
        {
            foreach (var result in results)
            {
                var message = result.ErrorMessage ?? "is invalid";
                var members = result.MemberNames.ToList();
                if (members.Count == 0)
                {
                    problems.Add((path, Reason(message)));
                    continue;
                }

                foreach (var member in members)
                {
                    var key = $"{path}:{member}";
                    problems.Add(
                        (
                            key,
                            Reason(
                                message.StartsWith(key, StringComparison.OrdinalIgnoreCase)
                                    ? message[key.Length..]
                                    : message
                            )
                        )
                    );
                }
            }
        }

        foreach (var property in Writable(instance.GetType()))
        {
            if (SettingTypes.IsLeaf(property.PropertyType) || property.GetValue(instance) is not { } value)
            {
                continue;
            }

            if (value is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && !SettingTypes.IsLeaf(item.GetType()))
                    {
                        Annotations(item, $"{path}:{property.Name}:{index}", problems);
                    }

                    index++;
                }
            }
            else
            {
                Annotations(value, $"{path}:{property.Name}", problems);
            }
        }
    }

    /// <summary>"The field Scale must be between 10 and 5000000." becomes "must be between 10 and 5000000".</summary>
    private static string Reason(string message) => FieldPrefix().Replace(message.Trim(), "").TrimEnd('.').Trim();

    private static IEnumerable<KnownSetting> Leaves(Type type, object? instance, string path)
    {
        foreach (var property in Writable(type))
        {
            var key = $"{path}:{property.Name}";
            var value = instance is null ? null : property.GetValue(instance);
            if (SettingTypes.IsLeaf(property.PropertyType))
            {
                yield return new KnownSetting(
                    key,
                    property.PropertyType,
                    SettingTypes.Format(value),
                    "",
                    KnownSetting.IsSecretKey(key)
                );
            }
            else if (ElementType(property.PropertyType) is null)
            {
                foreach (var leaf in Leaves(property.PropertyType, value, key))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static Type? ElementType(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[0]
            : null;

    private static IEnumerable<PropertyInfo> Writable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    [GeneratedRegex(@"^The field \S+ ", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPrefix();

    [GeneratedRegex(@"^\S+: The field ", RegexOptions.CultureInvariant)]
    private static partial Regex NestedAnnotation();
}
