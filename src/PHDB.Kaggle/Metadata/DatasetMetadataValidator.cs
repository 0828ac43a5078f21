namespace PHDB.Kaggle.Metadata;

/// <summary>Checks metadata as Kaggle does, before any byte is sent.</summary>
public static class DatasetMetadataValidator
{
    /// <summary>
    /// Every problem: the id is <c>owner/slug</c> with a slug of 6 to 50 characters of <c>a-z</c>, <c>0-9</c> and
    /// <c>-</c>; the title has 6 to 50 characters; the subtitle, when set, 20 to 80; exactly one licence from
    /// <see cref="KaggleLicenses.Names"/>; every resource exists in <paramref name="folder"/> and no path repeats.
    /// </summary>
    public static IReadOnlyList<MetadataProblem> Validate(DatasetMetadata metadata, string folder) =>
        throw new NotImplementedException();
}
