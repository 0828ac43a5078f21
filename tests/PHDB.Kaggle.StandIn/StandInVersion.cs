namespace PHDB.Kaggle.StandIn;

/// <summary>One version of a dataset; its files are empty once a later version deleted older versions.</summary>
public sealed record StandInVersion(
    int Number,
    string? Notes,
    IReadOnlyList<StandInFile> Files,
    DateTimeOffset CreatedAt
);
