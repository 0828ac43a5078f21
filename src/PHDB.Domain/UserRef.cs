namespace PHDB.Domain;

/// <summary>
/// A reference to a user from a post, comment, vote or collection. The API redacts every user but the token's
/// owner (id <c>"0"</c>, name <c>[REDACTED]</c>); a redacted reference has no id, so redacted users never collapse
/// into one user.
/// </summary>
/// <param name="Id">The user's id, or <see langword="null"/> when the API redacted the user.</param>
public readonly record struct UserRef(long? Id)
{
    /// <summary>A user the API did not disclose.</summary>
    public static UserRef Redacted => default;

    /// <summary>Whether the API redacted this user.</summary>
    public bool IsRedacted => Id is null;

    /// <summary>A disclosed user.</summary>
    public static UserRef Of(long id) => new(id);

    /// <inheritdoc />
    public override string ToString() =>
        Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "[redacted]";
}
