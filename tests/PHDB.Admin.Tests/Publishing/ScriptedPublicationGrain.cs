using PHDB.Grains.Harvest;
using PHDB.Grains.Publishing;

namespace PHDB.Admin.Tests.Publishing;

/// <summary>The cluster's publisher as the page sees it through Orleans, answering from <see cref="PublisherScript"/>.</summary>
public sealed class ScriptedPublicationGrain(PublisherScript script) : Grain, IPublicationGrain
{
    public Task<PublicationStatus> GetStatus() => Task.FromResult(script.Read(this.GetPrimaryKeyString()));

    public Task<PublicationStatus> PublishNow(bool dryRun, string origin) =>
        Task.FromResult(script.Publish(this.GetPrimaryKeyString(), dryRun, origin));

    public Task HarvestSucceeded(long runId, HarvestMode mode) => Task.CompletedTask;
}
