namespace PHDB.Grains.Webhooks;

/// <summary>The configured webhook subscribers and their delivery state, for the console and the command line (key 0).</summary>
[Alias("phdb.IWebhookDirectoryGrain")]
public interface IWebhookDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Each configured subscriber's state, in configuration order.</summary>
    [Alias("GetSubscribers")]
    Task<IReadOnlyList<WebhookSubscriberStatus>> GetSubscribers();
}
