using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PHDB.Simulator.Configuration;

/// <summary>Validates the nested parts of <see cref="SimulatorOptions"/> that data annotations on the root do not reach.</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        Check(options.RateLimit, "RateLimit", failures);
        Check(options.Clock, "Clock", failures);
        Check(options.Faults, "Faults", failures);
        Check(options.VoteBursts, "VoteBursts", failures);
        if (options.VoteBursts.MinFraction > options.VoteBursts.MaxFraction)
        {
            failures.Add("VoteBursts:MinFraction must not exceed VoteBursts:MaxFraction.");
        }

        if (options.VoteBursts.FirstHour > options.VoteBursts.LastHour)
        {
            failures.Add("VoteBursts:FirstHour must not exceed VoteBursts:LastHour.");
        }
        foreach (var application in options.EffectiveApplications)
        {
            Check(application, $"Applications[{application.Name}]", failures);
        }

        if (options.Clock.Start <= new DateTimeOffset(2014, 1, 2, 0, 0, 0, TimeSpan.Zero))
        {
            failures.Add("Clock:Start must be after 2014-01-02.");
        }

        if (
            options.EffectiveApplications.Select(a => a.DeveloperToken).Distinct(StringComparer.Ordinal).Count()
            != options.EffectiveApplications.Count
        )
        {
            failures.Add("Applications must have distinct developer tokens.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object value, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"Simulator:{path}: {r.ErrorMessage}"));
        }
    }
}
