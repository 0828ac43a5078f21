namespace PHDB.Export.Schema;

/// <summary>Short constructors for the catalogue's columns.</summary>
internal static class Columns
{
    public static ExportColumn Key(string name, string description) =>
        new(name, ColumnKind.BigInt, false, description, ColumnMeaning.Id);

    public static ExportColumn Ref(string name, string description, bool nullable = false) =>
        new(name, ColumnKind.BigInt, nullable, description, ColumnMeaning.Id);

    public static ExportColumn Text(string name, string description, bool nullable = true) =>
        new(name, ColumnKind.Text, nullable, description);

    public static ExportColumn Url(string name, string description, bool nullable = true) =>
        new(name, ColumnKind.Text, nullable, description, ColumnMeaning.Url);

    public static ExportColumn Count(string name, string description, bool nullable = true) =>
        new(name, ColumnKind.Count, nullable, description);

    public static ExportColumn Number(string name, string description, bool nullable = true) =>
        new(name, ColumnKind.Real, nullable, description);

    public static ExportColumn Flag(string name, string description, bool nullable = false) =>
        new(name, ColumnKind.Boolean, nullable, description);

    public static ExportColumn Time(string name, string description, bool nullable = true) =>
        new(name, ColumnKind.Timestamp, nullable, description);

    public static ExportColumn Day(string name, string description, bool nullable = false) =>
        new(name, ColumnKind.Date, nullable, description);
}
