namespace PHDB.Simulator.World;

/// <summary>One topic.</summary>
internal sealed record TopicRecord(int Id, string Name, string Slug, int CreatedAt, int Followers);
