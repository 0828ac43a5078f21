using PHDB.Domain;
using PHDB.Extensibility;
using PHDB.Harvest.Processing;

namespace PHDB.Harvest.Plugins;

/// <summary>
/// One plugin processor as a stage of the pipeline, isolated: it reads a copy of the batch on a thread of its own and
/// its findings are taken only if it returns, in time, findings about the batch's posts and comments. Otherwise the
/// batch goes on without them and the failure is counted; after too many in a row the stage switches itself off.
/// The batch itself is never changed.
/// </summary>
/// <remarks>
/// A plugin past its time is cancelled through its token, but .NET cannot stop a thread that ignores it: such a call
/// keeps running beside the harvest until it returns; its result is discarded.
/// </remarks>
public sealed class ProcessorPluginStage(ProcessorPluginLoad plugin, ProcessorPluginOptions options) : IBatchProcessor
{
    private readonly IHarvestProcessor processor =
        plugin.Processor ?? throw new ArgumentException($"{plugin.Name} did not load", nameof(plugin));

    private long batches;
    private long failures;
    private int consecutiveFailures;
    private volatile bool switchedOff;
    private volatile string? lastError;

    /// <summary>Raised after a failure, with the plugin's name, what failed and whether it is now switched off.</summary>
    public event Action<string, string, bool>? Failed;

    /// <inheritdoc />
    public int Priority => plugin.Priority;

    /// <summary>How the stage fared so far.</summary>
    public ProcessorPluginStatus Status =>
        new(
            plugin.Name,
            plugin.Version,
            plugin.Priority,
            switchedOff ? ProcessorPluginState.SwitchedOff : ProcessorPluginState.Active,
            Interlocked.Read(ref batches),
            Interlocked.Read(ref failures),
            lastError
        );

    /// <inheritdoc />
    public HarvestBatch Process(HarvestBatch batch, BatchProcessingContext context)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(context);
        if (switchedOff || (batch.Posts.Count == 0 && batch.Comments.Count == 0))
        {
            return batch;
        }

        var view = View(batch);
        string? failure;
        IReadOnlyList<ProcessorFinding>? found = null;
        using (var cancellation = new CancellationTokenSource())
        {
            var call = Task.Run(() => processor.Process(view, cancellation.Token), CancellationToken.None);
            try
            {
                failure = call.Wait(options.Timeout)
                    ? Check(call.Result, batch, out found)
                    : $"took longer than {options.Timeout.TotalSeconds:0.###} s";
            }
            catch (AggregateException e)
            {
                var cause = e.InnerException ?? e;
                failure = $"threw {cause.GetType().Name}: {cause.Message}";
            }

            if (!call.IsCompleted)
            {
                cancellation.Cancel();
                // Observed, so a late failure does not surface as an unobserved task exception.
                _ = call.ContinueWith(t => t.Exception, TaskScheduler.Default);
            }
        }

        Interlocked.Increment(ref batches);
        if (failure is null)
        {
            Interlocked.Exchange(ref consecutiveFailures, 0);
            foreach (var finding in found!)
            {
                context.Record(
                    new QualityFinding(
                        finding.Entity,
                        finding.EntityId,
                        $"{plugin.Name}/{finding.Check}",
                        finding.Detail
                    )
                );
            }

            return batch;
        }

        Interlocked.Increment(ref failures);
        lastError = failure;
        if (Interlocked.Increment(ref consecutiveFailures) >= options.MaxConsecutiveFailures)
        {
            switchedOff = true;
        }

        Failed?.Invoke(plugin.Name, failure, switchedOff);
        return batch;
    }

    /// <summary>Null when every finding names a post or comment of the batch within the lengths allowed; else why not.</summary>
    private static string? Check(
        IReadOnlyList<ProcessorFinding>? findings,
        HarvestBatch batch,
        out IReadOnlyList<ProcessorFinding>? valid
    )
    {
        valid = findings ?? [];
        if (valid.Count == 0)
        {
            return null;
        }

        var posts = batch.Posts.Select(p => p.Id).ToHashSet();
        var comments = batch.Comments.Select(c => c.Id).ToHashSet();
        foreach (var finding in valid)
        {
            if (finding is null)
            {
                return "returned a null finding";
            }

            var known = finding.Entity switch
            {
                ProcessorFinding.Post => posts.Contains(finding.EntityId),
                ProcessorFinding.Comment => comments.Contains(finding.EntityId),
                _ => false,
            };
            if (!known)
            {
                return $"returned a finding about {finding.Entity} {finding.EntityId}, which is not in the batch";
            }

            if (
                string.IsNullOrWhiteSpace(finding.Check)
                || finding.Check.Length > ProcessorFinding.MaxCheckLength
                || finding.Detail is null
                || finding.Detail.Length > ProcessorFinding.MaxDetailLength
            )
            {
                return $"returned a finding with an empty or too long check or detail ({finding.Check})";
            }
        }

        return null;
    }

    private static HarvestedBatch View(HarvestBatch batch) =>
        new(
            [
                .. batch.Posts.Select(p => new HarvestedPost(
                    p.Id,
                    p.Name,
                    p.Tagline,
                    p.Description,
                    p.Website,
                    p.VotesCount,
                    p.CommentsCount,
                    p.CreatedAt,
                    p.TopicIds
                )),
            ],
            [
                .. batch.Comments.Select(c => new HarvestedComment(
                    c.Id,
                    c.PostId,
                    c.ParentId,
                    c.Body,
                    c.VotesCount,
                    c.CreatedAt
                )),
            ]
        );
}
