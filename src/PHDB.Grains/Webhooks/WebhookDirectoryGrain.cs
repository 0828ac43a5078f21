using Microsoft.Extensions.Options;
using PHDB.Webhooks;

namespace PHDB.Grains.Webhooks;

/// <summary>Lists the subscribers of this silo's configuration with their state; see <see cref="IWebhookDirectoryGrain"/>.</summary>
public sealed class WebhookDirectoryGrain(IOptions<WebhookOptions> options) : Grain, IWebhookDirectoryGrain
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookSubscriberStatus>> GetSubscribers() =>
        await Task.WhenAll(
            options.Value.Webhooks.Select(w => GrainFactory.GetGrain<IWebhookSubscriberGrain>(w.Name!).GetStatus())
        );
}
