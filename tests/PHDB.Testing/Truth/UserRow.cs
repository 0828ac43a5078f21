namespace PHDB.Testing.Truth;

/// <summary>A disclosed user's compared fields.</summary>
internal sealed record UserRow(string? Username, string? Name, DateTimeOffset? CreatedAt, bool? IsMaker) : IComparedRow
{
    public IEnumerable<(string Field, object? Value)> Fields() =>
        [("username", Username), ("name", Name), ("createdAt", CreatedAt), ("isMaker", IsMaker)];
}
