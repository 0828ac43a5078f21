namespace PHDB.Grains.Harvest.Events;

/// <summary>A batch was committed: how many rows of each kind it held.</summary>
/// <param name="Pages">Pages in the batch.</param>
/// <param name="Posts">Posts written.</param>
/// <param name="Comments">Comments written.</param>
/// <param name="Votes">Votes written.</param>
/// <param name="Application">Fingerprint of the application whose request brought the batch.</param>
/// <param name="Points">The complexity of its pages, as the client estimates an alias of each.</param>
[GenerateSerializer, Immutable, Alias("phdb.PostsSynced")]
public sealed record PostsSynced(
    DateTimeOffset At,
    [property: Id(0)] int Pages,
    [property: Id(1)] int Posts,
    [property: Id(2)] int Comments,
    [property: Id(3)] int Votes,
    [property: Id(4)] string Application,
    [property: Id(5)] int Points = 0
) : HarvestEvent(At);
