namespace PHDB.Grains.Harvest;

/// <summary>The persistent state of a post grain.</summary>
[GenerateSerializer, Alias("phdb.PostState")]
public sealed class PostState
{
    /// <summary>Counts at each observation that changed them, oldest first (bounded).</summary>
    [Id(0)]
    public List<PostCounts> History { get; set; } = [];

    /// <summary>Nested connections still to walk, by <see cref="PostGrain.TaskKey"/>, at their committed cursors.</summary>
    [Id(1)]
    public Dictionary<string, CrawlTask> Open { get; set; } = [];
}
