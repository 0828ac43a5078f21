namespace PHDB.Kaggle.Wire;

/// <summary>A schema field's type as Kaggle's client sends it: the original (lower case) and Kaggle's type.</summary>
internal static class ColumnTypes
{
    /// <summary>
    /// Kaggle's type for a schema type: string, date, time, yearmonth, duration, geopoint and geojson are
    /// <c>string</c>; numeric, number and year are <c>numeric</c>; boolean and datetime stay; any other passes through.
    /// </summary>
    public static string Kaggle(string originalLowerCase) =>
        originalLowerCase switch
        {
            "string" or "date" or "time" or "yearmonth" or "duration" or "geopoint" or "geojson" => "string",
            "numeric" or "number" or "year" => "numeric",
            _ => originalLowerCase,
        };
}
