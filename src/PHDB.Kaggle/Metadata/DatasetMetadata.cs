namespace PHDB.Kaggle.Metadata;

/// <summary>Kaggle's <c>dataset-metadata.json</c>.</summary>
/// <param name="Id">The dataset, <c>owner/slug</c>.</param>
public sealed record DatasetMetadata(
    string Id,
    string Title,
    string? Subtitle,
    string? Description,
    bool IsPrivate,
    IReadOnlyList<string> Licenses,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<DatasetResource> Resources
)
{
    /// <summary>The file's name in a dataset folder.</summary>
    public const string FileName = "dataset-metadata.json";

    /// <summary>The owner an export names until the Kaggle account is configured; Kaggle would refuse it.</summary>
    public const string PlaceholderOwner = "INSERT_OWNER";

    /// <summary>The owner part of <see cref="Id"/>.</summary>
    public string Owner => Id.Split('/')[0];

    /// <summary>The slug part of <see cref="Id"/> (empty when there is none).</summary>
    public string Slug => Id.Split('/') is [_, var slug] ? slug : "";

    /// <summary>
    /// Parses the file's text: <c>id</c> and <c>title</c> are required; <c>isPrivate</c> is true when absent (Kaggle's
    /// client creates private datasets unless told otherwise); keys Kaggle knows but PHDB does not use are ignored.
    /// </summary>
    /// <exception cref="KaggleException"><see cref="KaggleFailure.InvalidRequest"/>, naming the field.</exception>
    public static DatasetMetadata Parse(string json) => MetadataJson.Parse(json);

    /// <summary>The file's text (camelCase, indented), as PHDB's exporter writes it.</summary>
    public string ToJson() => MetadataJson.Write(this);
}
