namespace PHDB.Kaggle.Wire;

/// <summary>A column of an uploaded file, as the dataset's schema describes it.</summary>
public sealed record DatasetColumn(string Name, string? Description = null, string? Type = null);
