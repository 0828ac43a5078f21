using System.Globalization;
using PHDB.Storage;

namespace PHDB.Admin.Data;

/// <summary>How the console names a Product Hunt user (hunter, maker, comment author).</summary>
public static class UserDisplay
{
    /// <summary>The name shown for a user the API redacted.</summary>
    public const string Redacted = "redacted user";

    /// <summary>The name shown when neither a user nor a redaction is stored.</summary>
    public const string Unknown = "unknown user";

    /// <summary>
    /// The user's name, else their username, else their id; <see cref="Redacted"/> for a redacted user and
    /// <see cref="Unknown"/> when nothing is stored.
    /// </summary>
    public static string Name(UserSummary? user, bool redacted)
    {
        if (redacted)
        {
            return Redacted;
        }

        if (user is null)
        {
            return Unknown;
        }

        if (!string.IsNullOrWhiteSpace(user.Name))
        {
            return user.Name;
        }

        return !string.IsNullOrWhiteSpace(user.Username) ? "@" + user.Username : $"user {user.Id}";
    }

    /// <summary>A post's makers: the disclosed ones by name, then how many the API redacted.</summary>
    public static string Makers(IReadOnlyList<UserSummary> makers, int redactedMakers)
    {
        ArgumentNullException.ThrowIfNull(makers);
        var names = makers.Select(m => Name(m, redacted: false)).ToList();
        if (redactedMakers > 0)
        {
            names.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{redactedMakers} {Redacted}{(redactedMakers == 1 ? "" : "s")}"
                )
            );
        }

        return names.Count == 0 ? "none stored" : string.Join(", ", names);
    }
}
