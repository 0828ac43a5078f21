namespace PHDB.Simulator.World;

/// <summary>One post, compactly: everything else about it is derived from the seed on demand.</summary>
internal struct PostRecord
{
    public int Id;
    public int ScheduledAt;
    public int FeaturedAt;
    public int HunterIndex;
    public int FinalVotes;
    public int FinalComments;
    public int EditedAt;
    public int TopicStart;
    public int MakerStart;
    public byte TopicCount;
    public byte MakerCount;
}
