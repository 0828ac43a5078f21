namespace PHDB.Simulator.World;

/// <summary>One collection, compactly.</summary>
internal struct CollectionRecord
{
    public int Id;
    public int UserIndex;
    public int CreatedAt;
    public int FeaturedAt;
    public int Followers;
    public int PostStart;
    public int PostCount;
    public bool Published;
}
