using Microsoft.Extensions.Options;
using PHDB.Kaggle;

namespace PHDB.Publishing;

/// <summary>Validates <see cref="KaggleOptions"/> on start, naming the key at fault.</summary>
public sealed class KaggleOptionsValidator : IValidateOptions<KaggleOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KaggleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate() is { } problem
            ? ValidateOptionsResult.Fail($"{problem.Key}: {problem.Message}")
            : ValidateOptionsResult.Success;
    }
}
