using System.Globalization;

namespace PHDB.Testing.Truth;

/// <summary>
/// A user relation (hunter, maker, comment author, voter, curator) as a comparable text: <c>"user 123"</c> for a
/// disclosed user, <c>"redacted"</c> for a user the API did not disclose, <c>"none"</c> for a stored row with
/// neither an id nor the redacted flag (never right).
/// </summary>
internal static class Party
{
    public const string Redacted = "redacted";
    public const string None = "none";

    public static string User(long id) => "user " + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>What storage keeps: a NULL id plus the flag for a redacted user.</summary>
    public static string Stored(long? id, bool redacted) =>
        redacted ? Redacted
        : id is { } value ? User(value)
        : None;
}
