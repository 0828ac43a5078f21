namespace PHDB.Export.Schema;

/// <summary>One column of an exported table, with its entry in the data dictionary.</summary>
/// <param name="Name">The column's name in every format.</param>
/// <param name="Kind">Its type.</param>
/// <param name="Nullable">Whether it can be empty (NULL).</param>
/// <param name="Description">What it means, for the data dictionary; says how redaction shows where it applies.</param>
/// <param name="Meaning">Whether it is an id or a URL (Kaggle's metadata types).</param>
public sealed record ExportColumn(
    string Name,
    ColumnKind Kind,
    bool Nullable,
    string Description,
    ColumnMeaning Meaning = ColumnMeaning.Value
)
{
    /// <summary>The type Kaggle's <c>dataset-metadata.json</c> gives the column.</summary>
    public string KaggleType =>
        Meaning switch
        {
            ColumnMeaning.Id => "id",
            ColumnMeaning.Url => "url",
            _ => Kind switch
            {
                ColumnKind.BigInt or ColumnKind.Count => "integer",
                ColumnKind.Real => "numeric",
                ColumnKind.Boolean => "boolean",
                ColumnKind.Timestamp or ColumnKind.Date => "datetime",
                _ => "string",
            },
        };
}
