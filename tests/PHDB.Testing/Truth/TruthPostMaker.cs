namespace PHDB.Testing.Truth;

/// <summary>
/// One line of <c>/_sim/truth/post_makers</c>: a launched post's maker, unredacted, in the API's order.
/// </summary>
public sealed record TruthPostMaker(long PostId, long UserId);
