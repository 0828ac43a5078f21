namespace PHDB.Storage;

/// <summary>How much of the dataset is stored: cheap enough to read every few seconds during a harvest.</summary>
/// <param name="Posts">Posts stored (placeholders not counted).</param>
/// <param name="Comments">Comments stored (placeholders not counted).</param>
/// <param name="Users">Users stored, placeholders included (a vote's voter is known only by id).</param>
/// <param name="VotesEstimate">
/// Votes stored: counted while PostgreSQL's statistics put them under a million, estimated from those statistics
/// beyond (counting millions of rows every few seconds is too slow).
/// </param>
public sealed record StoredTotals(long Posts, long Comments, long Users, long VotesEstimate);
