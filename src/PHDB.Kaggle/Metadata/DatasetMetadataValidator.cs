namespace PHDB.Kaggle.Metadata;

/// <summary>Checks metadata as Kaggle does, before any byte is sent.</summary>
public static class DatasetMetadataValidator
{
    /// <summary>
    /// Every problem: the id is <c>owner/slug</c> (not the placeholder owner) with a slug of 6 to 50 characters of <c>a-z</c>, <c>0-9</c> and
    /// <c>-</c>; the title has 6 to 50 characters; the subtitle, when set, 20 to 80; exactly one licence from
    /// <see cref="KaggleLicenses.Names"/>; every resource exists in <paramref name="folder"/> and no path repeats.
    /// </summary>
    public static IReadOnlyList<MetadataProblem> Validate(DatasetMetadata metadata, string folder)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(folder);
        var problems = new List<MetadataProblem>();
        var parts = metadata.Id.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[0].Any(char.IsWhiteSpace))
        {
            problems.Add(new("id", $"'{metadata.Id}' is not owner/slug."));
        }
        else if (parts[0] == DatasetMetadata.PlaceholderOwner)
        {
            problems.Add(
                new(
                    "id",
                    $"the owner '{parts[0]}' is a placeholder: name your Kaggle account with Kaggle:Dataset, "
                        + "--dataset owner/slug or KAGGLE_USERNAME."
                )
            );
        }
        else if (
            parts[1].Length is < 6 or > 50
            || parts[1].Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
        )
        {
            problems.Add(new("id", $"the slug '{parts[1]}' must have 6 to 50 characters of a-z, 0-9 and '-'."));
        }

        if (metadata.Title.Length is < 6 or > 50)
        {
            problems.Add(new("title", $"must have 6 to 50 characters, not {metadata.Title.Length}."));
        }
        else if (metadata.Title == "INSERT_TITLE_HERE")
        {
            problems.Add(new("title", "is still Kaggle's placeholder."));
        }

        // As Kaggle's client: an empty subtitle counts as none.
        if (metadata.Subtitle is { Length: > 0 and (< 20 or > 80) } subtitle)
        {
            problems.Add(new("subtitle", $"must have 20 to 80 characters, not {subtitle.Length}."));
        }

        if (metadata.Licenses.Count != 1)
        {
            problems.Add(new("licenses", $"must name exactly one licence, not {metadata.Licenses.Count}."));
        }
        else if (!KaggleLicenses.Names.Contains(metadata.Licenses[0]))
        {
            problems.Add(
                new(
                    "licenses[0].name",
                    $"'{metadata.Licenses[0]}' is not one of Kaggle's licences: "
                        + $"{string.Join(", ", KaggleLicenses.Names)}."
                )
            );
        }

        var root = Path.GetFullPath(folder);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < metadata.Resources.Count; i++)
        {
            var path = metadata.Resources[i].Path;
            var field = $"resources[{i}].path";
            if (
                path.Length == 0
                || Path.IsPathRooted(path)
                || path.Replace('\\', '/').Split('/').Any(segment => segment is "" or "." or "..")
            )
            {
                problems.Add(new(field, $"'{path}' is not a path inside the dataset folder."));
                continue;
            }

            if (!seen.Add(path))
            {
                problems.Add(new(field, $"'{path}' is listed more than once."));
                continue;
            }

            if (!File.Exists(Path.Combine(root, path)))
            {
                problems.Add(new(field, $"'{path}' does not exist in {root}."));
            }
        }

        return problems;
    }
}
