namespace PHDB.Admin.Data;

/// <summary>One named series of a chart with its x-axis labels, ready for a chart component.</summary>
/// <param name="Name">The series' legend label.</param>
/// <param name="Labels">One x-axis label per value; an empty label leaves its tick unlabelled.</param>
/// <param name="Values">The y values, in x order.</param>
public sealed record ChartSeriesData(string Name, IReadOnlyList<string> Labels, IReadOnlyList<double> Values);
