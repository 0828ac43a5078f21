namespace PHDB.Storage;

/// <summary>What one write did to one entity or link table.</summary>
/// <param name="Inserted">New rows (a placeholder later filled by its real row counts as updated).</param>
/// <param name="Updated">Rows whose stored values changed.</param>
/// <param name="Unchanged">Rows of the batch that changed nothing (identical, or an older observation).</param>
/// <param name="Deleted">Link rows removed because their owner no longer lists them.</param>
public readonly record struct EntityChanges(long Inserted, long Updated, long Unchanged, long Deleted = 0)
{
    /// <summary>No rows at all.</summary>
    public static EntityChanges None => default;

    /// <summary>Whether anything was inserted, updated or deleted.</summary>
    public bool Changed => Inserted + Updated + Deleted > 0;

    /// <summary>The sum of two results.</summary>
    public static EntityChanges operator +(EntityChanges left, EntityChanges right) =>
        new(
            left.Inserted + right.Inserted,
            left.Updated + right.Updated,
            left.Unchanged + right.Unchanged,
            left.Deleted + right.Deleted
        );

    /// <summary>The sum of two results.</summary>
    public static EntityChanges Add(EntityChanges left, EntityChanges right) => left + right;
}

/// <summary>What a <see cref="HarvestBatchWriter.WriteAsync"/> call changed, per entity and link table.</summary>
public sealed record HarvestWriteResult
{
    /// <summary>Users.</summary>
    public EntityChanges Users { get; init; }

    /// <summary>Topics.</summary>
    public EntityChanges Topics { get; init; }

    /// <summary>Posts.</summary>
    public EntityChanges Posts { get; init; }

    /// <summary>Post ↔ topic links.</summary>
    public EntityChanges PostTopics { get; init; }

    /// <summary>Post ↔ maker links.</summary>
    public EntityChanges PostMakers { get; init; }

    /// <summary>Post media.</summary>
    public EntityChanges PostMedia { get; init; }

    /// <summary>Post product links.</summary>
    public EntityChanges PostProductLinks { get; init; }

    /// <summary>Comments.</summary>
    public EntityChanges Comments { get; init; }

    /// <summary>Votes.</summary>
    public EntityChanges Votes { get; init; }

    /// <summary>Collections.</summary>
    public EntityChanges Collections { get; init; }

    /// <summary>Collection ↔ post links.</summary>
    public EntityChanges CollectionPosts { get; init; }

    /// <summary>Collection ↔ topic links.</summary>
    public EntityChanges CollectionTopics { get; init; }

    /// <summary>Snapshot rows appended (a post's counts changed since its latest snapshot).</summary>
    public long SnapshotsAppended { get; init; }

    /// <summary>Placeholder rows created for references to entities not stored yet.</summary>
    public long PlaceholdersCreated { get; init; }

    /// <summary>Wall time of the write, transaction included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Whether the write changed anything at all.</summary>
    public bool Changed => SnapshotsAppended + PlaceholdersCreated > 0 || ByEntity().Any(e => e.Changes.Changed);

    /// <summary>Every entity and link table with its changes, named as in the database.</summary>
    public IEnumerable<(string Entity, EntityChanges Changes)> ByEntity()
    {
        yield return ("users", Users);
        yield return ("topics", Topics);
        yield return ("posts", Posts);
        yield return ("post_topics", PostTopics);
        yield return ("post_makers", PostMakers);
        yield return ("post_media", PostMedia);
        yield return ("post_product_links", PostProductLinks);
        yield return ("comments", Comments);
        yield return ("votes", Votes);
        yield return ("collections", Collections);
        yield return ("collection_posts", CollectionPosts);
        yield return ("collection_topics", CollectionTopics);
    }
}
