namespace PHDB.Testing.Truth;

/// <summary>
/// One line of <c>/_sim/truth/users</c>: a user of the world, unredacted (every user, referenced or not).
/// </summary>
/// <param name="Name">The raw display name (may hold markup; the harvest stores it sanitised).</param>
public sealed record TruthUser(long Id, string Username, string Name, DateTimeOffset CreatedAt, bool IsMaker);
