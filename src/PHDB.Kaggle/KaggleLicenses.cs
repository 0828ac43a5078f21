namespace PHDB.Kaggle;

/// <summary>The licence names Kaggle's dataset metadata accepts (its documented list).</summary>
public static class KaggleLicenses
{
    /// <summary>Every accepted name.</summary>
    public static IReadOnlySet<string> Names { get; } =
        new SortedSet<string>(StringComparer.Ordinal)
        {
            "CC0-1.0",
            "CC-BY-SA-3.0",
            "CC-BY-SA-4.0",
            "CC-BY-NC-SA-4.0",
            "GPL-2.0",
            "ODbL-1.0",
            "DbCL-1.0",
            "copyright-authors",
            "other",
            "reddit-api",
            "world-bank",
            "CC-BY-4.0",
            "CC-BY-NC-4.0",
            "PDDL",
            "CC-BY-3.0",
            "CC-BY-3.0-IGO",
            "US-Government-Works",
            "CC-BY-NC-SA-3.0-IGO",
            "CDLA-Permissive-1.0",
            "CDLA-Sharing-1.0",
            "CC-BY-ND-4.0",
            "CC-BY-NC-ND-4.0",
            "ODC-BY-1.0",
            "LGPL-3.0",
            "AGPL-3.0",
            "FDL-1.3",
            "EU-ODP-Legal-Notice",
            "apache-2.0",
            "GPL-3.0",
            "unknown",
        };
}
