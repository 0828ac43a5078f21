using Microsoft.Extensions.Options;

namespace PHDB.Export;

/// <summary>Validates <see cref="ExportOptions"/> on start, naming the key at fault.</summary>
public sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate() is { } problem
            ? ValidateOptionsResult.Fail($"{problem.Key}: {problem.Message}")
            : ValidateOptionsResult.Success;
    }
}
