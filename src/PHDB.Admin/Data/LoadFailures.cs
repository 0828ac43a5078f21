namespace PHDB.Admin.Data;

/// <summary>The text a page shows when reading the database failed.</summary>
public static class LoadFailures
{
    /// <summary>A sentence naming what could not be read and why.</summary>
    /// <param name="what">What the page tried to read, e.g. <c>The posts</c>.</param>
    /// <param name="error">The failure.</param>
    public static string Describe(string what, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"{what} could not be read: {error.Message}";
    }
}
