using System.ComponentModel.DataAnnotations;

namespace PHDB.ProductHunt;

/// <summary>Settings of the Product Hunt client, bound from the <c>ProductHunt</c> configuration section.</summary>
public sealed class ProductHuntOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ProductHunt";

    /// <summary>The API host; the GraphQL endpoint is <c>v2/api/graphql</c> and the token endpoint <c>v2/oauth/token</c> below it.</summary>
    [Required]
    public Uri BaseAddress { get; set; } = new("https://api.producthunt.com/");

    /// <summary>A developer token. Either this or <see cref="ClientId"/> and <see cref="ClientSecret"/>.</summary>
    public string? Token { get; set; }

    /// <summary>OAuth client id, exchanged with <see cref="ClientSecret"/> for a public-scope token.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Time allowed for one attempt (request and body).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a transient fault after the first attempt.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base delay of the jittered exponential backoff between retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of transient failures within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts within the sampling window before the breaker may open.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 8;

    /// <summary>The breaker's sampling window.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit refuses requests before letting one through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The complexity cap assumed until the server states its own in a refusal; 0 (the default) means unknown: packs
    /// are sized by <see cref="MaxAliasesPerRequest"/> only until the first refusal names the cap, which costs one request.
    /// </summary>
    [Range(0, 10_000_000)]
    public int MaxComplexity { get; set; }

    /// <summary>The API's largest page (larger <c>first</c> values are clamped by the server).</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 20;

    /// <summary>Most aliased fields in one request.</summary>
    [Range(1, 500)]
    public int MaxAliasesPerRequest { get; set; } = 50;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasToken = !string.IsNullOrWhiteSpace(Token);
        var hasClient = !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
        if (!hasToken && !hasClient)
        {
            yield return new ValidationResult(
                "ProductHunt:Token, or both ProductHunt:ClientId and ProductHunt:ClientSecret, must be set.",
                [nameof(Token), nameof(ClientId), nameof(ClientSecret)]
            );
        }

        if (BaseAddress is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult(
                "ProductHunt:BaseAddress must be an absolute URL.",
                [nameof(BaseAddress)]
            );
        }
    }
}
