using System.Globalization;

namespace PHDB.Simulator.World;

/// <summary>Simulated instants as whole seconds since 2013-01-01T00:00:00Z, the world's compact time unit.</summary>
internal static class SimInstant
{
    public static readonly DateTimeOffset Epoch = new(2013, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static int From(DateTimeOffset value) =>
        (int)Math.Clamp(Math.Floor((value.UtcDateTime - Epoch.UtcDateTime).TotalSeconds), 0, int.MaxValue);

    /// <summary>The first whole second at or after the value (for inclusive lower bounds).</summary>
    public static int Ceiling(DateTimeOffset value) =>
        (int)Math.Clamp(Math.Ceiling((value.UtcDateTime - Epoch.UtcDateTime).TotalSeconds), int.MinValue, int.MaxValue);

    /// <summary>The last whole second at or before the value (for inclusive upper bounds).</summary>
    public static int Floor(DateTimeOffset value) =>
        (int)Math.Clamp(Math.Floor((value.UtcDateTime - Epoch.UtcDateTime).TotalSeconds), int.MinValue, int.MaxValue);

    public static DateTimeOffset ToDateTimeOffset(int seconds) => Epoch.AddSeconds(seconds);

    /// <summary>ISO-8601 UTC without fractions, the live API's DateTime format.</summary>
    public static string Format(int seconds) =>
        ToDateTimeOffset(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
