using System.ComponentModel.DataAnnotations;

namespace PHDB.Webhooks;

/// <summary>Event webhooks: the subscribers and how their deliveries are retried and bounded (<c>Events</c>).</summary>
public sealed class WebhookOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Events";

    /// <summary>The subscribers; none by default.</summary>
    public List<WebhookSubscriberOptions> Webhooks { get; set; } = [];

    /// <summary>
    /// Events a subscriber's queue holds at most; when it is full the oldest is dropped, counted and logged, so a dead
    /// subscriber never holds up the harvest.
    /// </summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long one delivery attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of one event in a row, with exponential backoff, before its queue waits <see cref="MaxBackoff"/>.</summary>
    [Range(0, 20)]
    public int RetryAttempts { get; set; } = 5;

    /// <summary>The first retry's delay; each further retry waits about twice as long, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts, and the pause after a run of failed retries.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The subscriber named <paramref name="name"/>, if configured.</summary>
    public WebhookSubscriberOptions? Find(string name) =>
        Webhooks.Find(w => string.Equals(w.Name, name, StringComparison.Ordinal));

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (
            var (name, value, lowest, highest) in new[]
            {
                (nameof(AttemptTimeout), AttemptTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)),
                (nameof(RetryBaseDelay), RetryBaseDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)),
                (nameof(MaxBackoff), MaxBackoff, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1)),
            }
        )
        {
            if (value < lowest || value > highest)
            {
                yield return new ValidationResult(
                    $"{Section}:{name} must be from {lowest} to {highest}, not {value}.",
                    [name]
                );
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Webhooks.Count; i++)
        {
            foreach (var (member, problem) in Check(Webhooks[i], names))
            {
                yield return new ValidationResult(
                    $"{Section}:Webhooks:{i}:{member} {problem}",
                    [$"Webhooks:{i}:{member}"]
                );
            }
        }
    }

    private static IEnumerable<(string Member, string Problem)> Check(
        WebhookSubscriberOptions webhook,
        HashSet<string> names
    )
    {
        var allowed = string.Join(", ", WebhookEventTypes.Known) + " or *";
        if (string.IsNullOrWhiteSpace(webhook.Name) || webhook.Name.Length > 100)
        {
            yield return ("Name", "must be 1 to 100 characters.");
        }
        else if (!names.Add(webhook.Name))
        {
            yield return ("Name", $"must be unique: '{webhook.Name}' names another subscriber too.");
        }

        if (
            !Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        )
        {
            yield return ("Url", "must be an absolute http or https address.");
        }

        if (webhook.Events.Count == 0)
        {
            yield return ("Events", $"must name at least one event type: {allowed}.");
        }

        for (var i = 0; i < webhook.Events.Count; i++)
        {
            if (!WebhookEventTypes.IsKnown(webhook.Events[i]))
            {
                yield return ($"Events:{i}", $"must be {allowed}.");
            }
        }

        // The secret's value is never repeated, only its length.
        if (string.IsNullOrEmpty(webhook.Secret) || webhook.Secret.Length < 16)
        {
            yield return ("Secret", $"must be at least 16 characters (it has {webhook.Secret?.Length ?? 0}).");
        }
    }
}
