using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PHDB.Runtime;
using PHDB.Simulator.Configuration;

namespace PHDB.AppHost;

/// <summary>
/// The <c>Simulator</c> section the AppHost hands to the simulator, checked as the simulator checks it but before
/// anything starts, so that <c>Simulator:Scale=-5</c> stops the AppHost rather than a simulator after PostgreSQL.
/// </summary>
internal static class SimulatorSettings
{
    /// <summary>Binds and validates the section.</summary>
    /// <exception cref="InvalidSettingException">A member is out of range.</exception>
    /// <exception cref="OptionsValidationException">A rule across members fails.</exception>
    /// <exception cref="InvalidOperationException">A value cannot be converted (the binder names its key).</exception>
    public static void Check(IConfiguration configuration)
    {
        var options = new SimulatorOptions();
        configuration.GetSection(SimulatorOptions.SectionName).Bind(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            var first = results[0];
            var member = first.MemberNames.FirstOrDefault() ?? "";
            throw new InvalidSettingException($"{SimulatorOptions.SectionName}:{member}", first.ErrorMessage ?? "");
        }

        var outcome = new SimulatorOptionsValidator().Validate(null, options);
        if (outcome.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SimulatorOptions), outcome.Failures ?? []);
        }
    }
}
