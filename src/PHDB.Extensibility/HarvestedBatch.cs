namespace PHDB.Extensibility;

/// <summary>The posts and comments of one harvested batch, as they will be written.</summary>
/// <param name="Posts">Posts read in the batch.</param>
/// <param name="Comments">Comments and replies read in the batch.</param>
public sealed record HarvestedBatch(IReadOnlyList<HarvestedPost> Posts, IReadOnlyList<HarvestedComment> Comments);
