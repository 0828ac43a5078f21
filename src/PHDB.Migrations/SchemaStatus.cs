namespace PHDB.Migrations;

/// <summary>Which of this build's scripts a database has applied, and which are pending.</summary>
/// <param name="DatabaseExists">Whether the database exists at all (migrating creates it).</param>
/// <param name="Applied">Scripts the journal records, with when they were applied, in order.</param>
/// <param name="Pending">Scripts of this build the journal does not record, in the order they would apply.</param>
public sealed record SchemaStatus(
    bool DatabaseExists,
    IReadOnlyList<AppliedScript> Applied,
    IReadOnlyList<string> Pending
)
{
    /// <summary>Whether the schema is current.</summary>
    public bool IsCurrent => DatabaseExists && Pending.Count == 0;
}

/// <summary>A script the journal records.</summary>
/// <param name="Name">The script's name.</param>
/// <param name="AppliedAt">When it was applied.</param>
public sealed record AppliedScript(string Name, DateTimeOffset AppliedAt);
