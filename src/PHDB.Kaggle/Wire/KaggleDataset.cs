namespace PHDB.Kaggle.Wire;

/// <summary>What GetDataset says about an existing dataset.</summary>
/// <param name="Ref">Its <c>owner/slug</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="CurrentVersionNumber">Its newest version's number (1 after creation).</param>
/// <param name="Url">Its page.</param>
public sealed record KaggleDataset(string Ref, string? Title, int CurrentVersionNumber, string? Url);
