namespace PHDB.Webhooks;

/// <summary>One webhook subscriber (<c>Events:Webhooks:N</c>).</summary>
public sealed class WebhookSubscriberOptions
{
    /// <summary>
    /// The subscriber's name: it keys its queue, so renaming a subscriber starts an empty queue. Default:
    /// <c>webhook-N</c> after its place in the list.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>Where events are posted: an absolute http or https address.</summary>
    public string? Url { get; set; }

    /// <summary>The event types wanted (see <see cref="WebhookEventTypes"/>), or <c>*</c> for all.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>The key of the HMAC-SHA256 signature over each body; at least 16 characters. Never logged or shown.</summary>
    public string? Secret { get; set; }

    /// <summary>Whether this subscriber wants events of <paramref name="type"/>.</summary>
    public bool Wants(string type) =>
        Events.Exists(e => e == WebhookEventTypes.All || string.Equals(e, type, StringComparison.Ordinal));

    /// <summary>The address as shown in the console and logs: scheme, host, port and path, no user or query.</summary>
    public string DisplayUrl =>
        Uri.TryCreate(Url, UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : "";
}
