namespace PHDB.Export.Schema;

/// <summary>What a column holds beyond its type: Kaggle's metadata distinguishes ids and URLs.</summary>
public enum ColumnMeaning
{
    /// <summary>A plain value.</summary>
    Value,

    /// <summary>An identifier (a key or a reference).</summary>
    Id,

    /// <summary>A web address.</summary>
    Url,
}
