namespace PHDB.Grains.Harvest;

/// <summary>A task handed to a worker, with the partition that leased it.</summary>
/// <param name="Partition">Key of the crawl partition that owns the task (directly or through a post).</param>
/// <param name="Task">The task, at its committed cursor.</param>
[GenerateSerializer, Immutable, Alias("phdb.WorkTicket")]
public sealed record WorkTicket([property: Id(0)] string Partition, [property: Id(1)] CrawlTask Task);
