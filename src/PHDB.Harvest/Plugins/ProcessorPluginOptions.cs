using System.ComponentModel.DataAnnotations;

namespace PHDB.Harvest.Plugins;

/// <summary>Where a silo finds processor plugins and how it keeps them from harming the harvest (<c>Harvest:Plugins</c>).</summary>
public sealed class ProcessorPluginOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Harvest:Plugins";

    /// <summary>
    /// The folder of plugins: one subfolder per plugin holding its assembly, named as the folder, and its dependencies
    /// (what <c>dotnet publish -o &lt;folder&gt;/&lt;Name&gt;</c> writes). None: no plugins.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>How long a plugin may take over one batch before the batch is written without its findings.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failures in a row after which a plugin is switched off until the silo restarts.</summary>
    [Range(1, 1_000)]
    public int MaxConsecutiveFailures { get; set; } = 5;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult(
                $"Harvest:Plugins:Timeout must be above zero and at most 00:05:00, not {Timeout}.",
                [nameof(Timeout)]
            );
        }

        if (!string.IsNullOrWhiteSpace(Directory) && !System.IO.Directory.Exists(Directory))
        {
            yield return new ValidationResult(
                $"Harvest:Plugins:Directory '{Directory}' does not exist.",
                [nameof(Directory)]
            );
        }
    }
}
