namespace PHDB.Testing.Truth;

/// <summary>
/// A vote's compared fields. <see cref="Subject"/> is the kind and id (<c>"Post 12"</c>, <c>"Comment 34"</c>);
/// <see cref="Voter"/> is a <see cref="Party"/> text.
/// </summary>
internal sealed record VoteRow(string Subject, DateTimeOffset CreatedAt, string Voter) : IComparedRow
{
    public IEnumerable<(string Field, object? Value)> Fields() =>
        [("subject", Subject), ("createdAt", CreatedAt), ("voter", Voter)];
}
