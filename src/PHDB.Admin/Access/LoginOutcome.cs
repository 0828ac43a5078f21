namespace PHDB.Admin.Access;

/// <summary>What a login attempt came to.</summary>
public enum LoginOutcome
{
    /// <summary>The password was right.</summary>
    Succeeded,

    /// <summary>The password was wrong.</summary>
    WrongPassword,

    /// <summary>Too many failures: logins are refused until the lockout ends, whatever the password.</summary>
    LockedOut,
}
