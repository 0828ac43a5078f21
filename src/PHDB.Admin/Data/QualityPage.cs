namespace PHDB.Admin.Data;

/// <summary>Addresses of the Data quality page.</summary>
public static class QualityPage
{
    /// <summary>Query key of the check the findings are filtered by.</summary>
    public const string CheckKey = "check";

    /// <summary>The page with every check's findings.</summary>
    public const string All = "quality";

    /// <summary>The page with the findings of the check <paramref name="check"/>.</summary>
    public static string Of(string check) => $"quality?{CheckKey}={Uri.EscapeDataString(check)}";
}
