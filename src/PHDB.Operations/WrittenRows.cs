namespace PHDB.Operations;

/// <summary>Rows the harvest wrote while the console watched.</summary>
/// <param name="Batches">Batches (one per request).</param>
/// <param name="Posts">Posts written.</param>
/// <param name="Comments">Comments written.</param>
/// <param name="Votes">Votes written.</param>
public sealed record WrittenRows(long Batches, long Posts, long Comments, long Votes);
