using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using PHDB.Domain;
using Step = PHDB.Storage.WritePlan.Step;

namespace PHDB.Storage;

/// <summary>
/// Writes harvest batches: one transaction and one round trip per batch, one set-based statement per table
/// (<c>unnest</c> of parameter arrays into <c>INSERT … ON CONFLICT … DO UPDATE … WHERE IS DISTINCT FROM</c>).
/// Writing the same batch twice changes nothing. References to entities not stored yet become placeholders.
/// A newer observation of a post, comment or collection wins over an older one; a topic stub never erases
/// what a full read stored; a post's (and a collection's) links are replaced by the newest observation.
/// </summary>
public sealed partial class HarvestBatchWriter
{
    private const int MaxAttempts = 8;
    private readonly NpgsqlDataSource dataSource;
    private readonly ILogger<HarvestBatchWriter> logger;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates a writer on <paramref name="dataSource"/>.</summary>
    public HarvestBatchWriter(
        NpgsqlDataSource dataSource,
        ILogger<HarvestBatchWriter> logger,
        TimeProvider? timeProvider = null
    )
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(logger);
        this.dataSource = dataSource;
        this.logger = logger;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Writes <paramref name="batch"/> in one transaction.</summary>
    /// <returns>What changed, per entity.</returns>
    /// <exception cref="NpgsqlException">The database failed; nothing of the batch was written.</exception>
    public async Task<HarvestWriteResult> WriteAsync(HarvestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.IsEmpty)
        {
            return new HarvestWriteResult();
        }

        using var activity = StorageTelemetry.ActivitySource.StartActivity("write harvest batch");
        activity?.SetTag("phdb.batch.posts", batch.Posts.Count);
        activity?.SetTag("phdb.batch.comments", batch.Comments.Count);
        activity?.SetTag("phdb.batch.votes", batch.Votes.Count);
        var started = timeProvider.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var counts = await ExecuteAsync(new WritePlan(batch), cancellationToken);
                var result = ToResult(counts) with { Elapsed = timeProvider.GetElapsedTime(started) };
                Record(result, activity);
                return result;
            }
            catch (PostgresException e)
                when (attempt < MaxAttempts
                    && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                )
            {
                // Concurrent writers of overlapping batches: statements lock rows in id order, but links and
                // placeholders may still interleave. The transaction rolled back as a whole; try again after a short
                // random pause that grows with the attempts, so the writers that collided do not collide again. The
                // pause is in real time, not on the clock that stamps the rows: the other writer's locks are.
                LogRetry(logger, attempt, e.SqlState);
                await Task.Delay(TimeSpan.FromMilliseconds(attempt * Random.Shared.Next(10, 60)), cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                LogWriteFailed(logger, batch.Posts.Count, batch.Comments.Count, batch.Votes.Count, e);
                throw;
            }
        }
    }

    private async Task<Dictionary<Step, (long Inserted, long Updated, long Deleted, long Considered)>> ExecuteAsync(
        WritePlan plan,
        CancellationToken cancellationToken
    )
    {
        var counts = new Dictionary<Step, (long, long, long, long)>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlBatch(connection, transaction))
        {
            foreach (var (_, statement) in plan.Statements)
            {
                command.BatchCommands.Add(statement);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; i < plan.Statements.Count; i++)
            {
                if (i > 0 && !await reader.NextResultAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"Statement {plan.Statements[i].Step} returned no result.");
                }

                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"Statement {plan.Statements[i].Step} returned no row.");
                }

                counts[plan.Statements[i].Step] = (
                    reader.GetInt64(0),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    reader.GetInt64(3)
                );
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static HarvestWriteResult ToResult(
        Dictionary<Step, (long Inserted, long Updated, long Deleted, long Considered)> counts
    )
    {
        EntityChanges Of(Step step) =>
            counts.TryGetValue(step, out var c)
                ? new EntityChanges(c.Inserted, c.Updated, c.Considered - c.Inserted - c.Updated, c.Deleted)
                : EntityChanges.None;

        Step[] placeholders =
        [
            Step.UserPlaceholders,
            Step.TopicPlaceholders,
            Step.PostPlaceholders,
            Step.CommentPlaceholders,
            Step.CollectionPlaceholders,
        ];
        return new HarvestWriteResult
        {
            Users = Of(Step.Users),
            Topics = Of(Step.Topics),
            Posts = Of(Step.Posts),
            PostTopics = Of(Step.PostTopics),
            PostMakers = Of(Step.PostMakers),
            PostMedia = Of(Step.PostMedia),
            PostProductLinks = Of(Step.PostProductLinks),
            Comments = Of(Step.Comments),
            Votes = Of(Step.Votes),
            Collections = Of(Step.Collections),
            CollectionPosts = Of(Step.CollectionPosts),
            CollectionTopics = Of(Step.CollectionTopics),
            SnapshotsAppended = Of(Step.Snapshots).Inserted,
            PlaceholdersCreated = placeholders.Sum(p => Of(p).Inserted),
        };
    }

    private void Record(HarvestWriteResult result, Activity? activity)
    {
        foreach (var (entity, changes) in result.ByEntity())
        {
            Count(entity, "inserted", changes.Inserted);
            Count(entity, "updated", changes.Updated);
            Count(entity, "deleted", changes.Deleted);
            Count(entity, "unchanged", changes.Unchanged);
        }

        Count("post_snapshots", "inserted", result.SnapshotsAppended);
        Count("placeholders", "inserted", result.PlaceholdersCreated);
        StorageTelemetry.BatchDuration.Record(result.Elapsed.TotalSeconds);
        activity?.SetTag("phdb.batch.changed", result.Changed);
        LogBatchWritten(
            logger,
            result.Posts.Inserted,
            result.Posts.Updated,
            result.Posts.Unchanged,
            result.PlaceholdersCreated,
            result.Elapsed.TotalMilliseconds
        );

        static void Count(string entity, string change, long rows)
        {
            if (rows > 0)
            {
                StorageTelemetry.Rows.Add(
                    rows,
                    new KeyValuePair<string, object?>("entity", entity),
                    new KeyValuePair<string, object?>("change", change)
                );
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Harvest batch written: posts {Inserted} inserted, {Updated} updated, {Unchanged} unchanged; "
            + "{Placeholders} placeholders; {Milliseconds} ms"
    )]
    private static partial void LogBatchWritten(
        ILogger logger,
        long inserted,
        long updated,
        long unchanged,
        long placeholders,
        double milliseconds
    );

    [LoggerMessage(Level = LogLevel.Warning, Message = "Harvest batch write attempt {Attempt} failed with {SqlState}")]
    private static partial void LogRetry(ILogger logger, int attempt, string sqlState);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Harvest batch write failed ({Posts} posts, {Comments} comments, {Votes} votes)"
    )]
    private static partial void LogWriteFailed(ILogger logger, int posts, int comments, int votes, Exception exception);
}
