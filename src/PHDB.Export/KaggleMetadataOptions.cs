using PHDB.Kaggle;

namespace PHDB.Export;

/// <summary>What an export's <c>dataset-metadata.json</c> (Kaggle's format) says (<c>Export:Kaggle:*</c>).</summary>
public sealed class KaggleMetadataOptions
{
    /// <summary>The dataset's id, <c>owner/slug</c> (<c>Export:Kaggle:Dataset</c>).</summary>
    public string Dataset { get; set; } = $"{PHDB.Kaggle.Metadata.DatasetMetadata.PlaceholderOwner}/product-hunt-phdb";

    /// <summary>Title, 6 to 50 characters (<c>Export:Kaggle:Title</c>).</summary>
    public string Title { get; set; } = "Product Hunt: posts, comments and votes";

    /// <summary>Subtitle, 20 to 80 characters (<c>Export:Kaggle:Subtitle</c>).</summary>
    public string Subtitle { get; set; } =
        "Every Product Hunt launch with its makers, topics, comments and timed votes";

    /// <summary>The description's opening paragraph; the data card's summary follows it (<c>Export:Kaggle:Description</c>).</summary>
    public string Description { get; set; } =
        "A complete copy of Product Hunt's public data harvested through its GraphQL API v2 by PHDB.";

    /// <summary>One licence name from Kaggle's list (<c>Export:Kaggle:License</c>).</summary>
    public string License { get; set; } = "other";

    /// <summary>Keywords (Kaggle tags) (<c>Export:Kaggle:Keywords</c>).</summary>
    public IList<string> Keywords { get; } = ["business", "internet", "social networks", "tabular"];

    /// <summary>Whether the dataset is private on Kaggle (<c>Export:Kaggle:IsPrivate</c>).</summary>
    public bool IsPrivate { get; set; } = true;

    /// <summary>Checks the settings; returns the first problem as (key, message), or <c>null</c>.</summary>
    public (string Key, string Message)? Validate()
    {
        var parts = Dataset.Split('/');
        if (
            parts.Length != 2
            || parts.Any(p => p.Length == 0 || p.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
        )
        {
            return ("Export:Kaggle:Dataset", $"'{Dataset}' is not allowed: owner/slug, letters, digits, '-' and '_'.");
        }

        if (
            parts[1].Length is < 6 or > 50
            || parts[1].Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
        )
        {
            return (
                "Export:Kaggle:Dataset",
                $"'{Dataset}' is not allowed: the slug has 6 to 50 characters of a-z, 0-9 and '-'."
            );
        }

        if (Title.Length is < 6 or > 50)
        {
            return ("Export:Kaggle:Title", $"'{Title}' is not allowed: 6 to 50 characters.");
        }

        if (Subtitle.Length is < 20 or > 80)
        {
            return ("Export:Kaggle:Subtitle", $"'{Subtitle}' is not allowed: 20 to 80 characters.");
        }

        if (!KaggleLicenses.Names.Contains(License))
        {
            return (
                "Export:Kaggle:License",
                $"'{License}' is not allowed: one of {string.Join(", ", KaggleLicenses.Names)}."
            );
        }

        return null;
    }
}
