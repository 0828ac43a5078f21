using Microsoft.Extensions.Logging;
using PHDB.Grains.Harvest.Events;
using PHDB.Harvest.Processing;
using PHDB.ProductHunt;
using PHDB.Storage;

namespace PHDB.Grains.Harvest;

/// <summary>
/// A worker's commit of one answered request: the batch processors, the write in one transaction, the quality
/// findings, the topics' counts, the rows' telemetry and the <see cref="PostsSynced"/> event. It remembers the users
/// the silo stored lately, so that pages naming them again add no profile read.
/// </summary>
public sealed class HarvestBatchCommitter(
    IGrainFactory grains,
    IClusterClient cluster,
    HarvestBatchWriter writer,
    HarvestBookkeeping bookkeeping,
    BatchPipeline pipeline,
    HarvestTelemetry telemetry,
    TimeProvider timeProvider,
    ILogger<HarvestBatchCommitter> logger
)
{
    private readonly RecentlyStoredUsers storedUsers = new();

    /// <summary>
    /// Writes the answered pages of <paramref name="pack"/> in one transaction and turns every answer of
    /// <paramref name="tickets"/> (in the same order) into its task's outcome: the next cursor and what it revealed,
    /// or the page's error. Answers failed by a rate limit, a transient fault or the token count against no
    /// partition: their cursors stay.
    /// </summary>
    public async Task<List<(string Partition, TaskOutcome Outcome)>> CommitAsync(
        ApiApplication application,
        List<WorkTicket> tickets,
        PackResult pack,
        CancellationToken cancellationToken
    )
    {
        var answered = new List<(WorkTicket Ticket, WorkResult Result)>();
        var outcomes = new List<(string, TaskOutcome)>();
        for (var i = 0; i < tickets.Count && i < pack.Results.Count; i++)
        {
            var (ticket, result) = (tickets[i], pack.Results[i]);
            switch (result.Error)
            {
                case null:
                    answered.Add((ticket, result));
                    break;
                case ProductHuntRateLimitException
                or ProductHuntTransientException
                or ProductHuntAuthenticationException:
                    // Not the page's fault: the cursor stays and nothing counts against the partition.
                    break;
                default:
                    telemetry.Failures.Add(1);
                    outcomes.Add(
                        (ticket.Partition, new TaskOutcome(ticket.Task, ticket.Task.After, 0, [], result.Error.Message))
                    );
                    break;
            }
        }

        if (answered.Count > 0)
        {
            var merged = new PackResult(
                [.. answered.Select(a => a.Result)],
                pack.Budget,
                pack.Requests,
                pack.Attempts,
                pack.Splits
            ).ToBatch();
            var (batch, findings) = pipeline.Process(merged);
            // Storage measures the rows (phdb.storage.rows) and traces the write: no second span or count here.
            await writer.WriteAsync(batch, cancellationToken);

            var topicsRead = answered
                .Where(a => a.Ticket.Task.Kind == CrawlTaskKind.Topics)
                .SelectMany(a => a.Result.Batch.Topics)
                .Where(t => t is { FollowersCount: not null, PostsCount: not null })
                .ToList();
            var readAt = timeProvider.GetUtcNow();
            await Task.WhenAll(
                topicsRead.Select(t =>
                    grains.GetGrain<ITopicGrain>(t.Id).Observe(t.FollowersCount!.Value, t.PostsCount!.Value, readAt)
                )
            );

            await PublishAsync(
                new PostsSynced(
                    timeProvider.GetUtcNow(),
                    answered.Count,
                    batch.Posts.Count,
                    batch.Comments.Count,
                    batch.Votes.Count,
                    application.Fingerprint,
                    answered.Sum(a => a.Ticket.Task.Complexity())
                )
            );

            if (findings.Count > 0)
            {
                await bookkeeping.RecordFindingsAsync(
                    [.. findings.Select(f => new NewQualityFinding(f.Entity, f.EntityId, f.Check, f.Detail))],
                    null,
                    cancellationToken
                );
            }

            storedUsers.AddRange(batch.Users.Select(u => u.Id));

            telemetry.Pages.Add(answered.Count);
            outcomes.AddRange(
                answered.Select(a =>
                    (
                        a.Ticket.Partition,
                        new TaskOutcome(
                            a.Ticket.Task,
                            a.Ticket.Task.NextAfter(a.Result),
                            a.Ticket.Task.Rows(a.Result),
                            a.Ticket.Task.Discovered(a.Result, storedUsers.Contains),
                            NewestRow: a.Ticket.Task.NewestRow(a.Result)
                        )
                    )
                )
            );
        }

        return outcomes;
    }

    /// <summary>Publishes a harvest event; a stream that cannot take it never fails the harvest.</summary>
    private Task PublishAsync(HarvestEvent harvestEvent) =>
        cluster.GetStreamProvider(HarvestEvents.Provider).TryPublishAsync(harvestEvent, logger);
}
