using Microsoft.Extensions.Options;

namespace PHDB.Publishing;

/// <summary>Validates <see cref="PublishingOptions"/> on start, naming the key at fault.</summary>
public sealed class PublishingOptionsValidator : IValidateOptions<PublishingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PublishingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate() is { } problem
            ? ValidateOptionsResult.Fail($"{problem.Key}: {problem.Message}")
            : ValidateOptionsResult.Success;
    }
}
