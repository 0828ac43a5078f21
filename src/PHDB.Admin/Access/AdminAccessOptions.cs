using System.ComponentModel.DataAnnotations;

namespace PHDB.Admin.Access;

/// <summary>Who may use the console: the admin password and how failed logins are answered.</summary>
public sealed class AdminAccessOptions
{
    /// <summary>Configuration section (<c>Admin</c>).</summary>
    public const string Section = "Admin";

    /// <summary>The admin password (the AppHost's <c>admin-password</c> parameter).</summary>
    [Required(ErrorMessage = "Admin:Password is required: the console does not run without a login.")]
    [MinLength(12, ErrorMessage = "Admin:Password must have at least 12 characters.")]
    public string Password { get; set; } = "";

    /// <summary>
    /// Failed logins in a row from one client (see <see cref="LoginClient"/>) after which that client's logins are
    /// refused for <see cref="LockoutDuration"/>.
    /// </summary>
    [Range(1, 1000)]
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a client's logins are refused after <see cref="LockoutThreshold"/> failures.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Login posts one client may make per <see cref="LoginAttemptWindow"/>; further posts are answered 429 with
    /// <c>Retry-After</c> and never reach the password check or the lockout.
    /// </summary>
    [Range(1, 1000)]
    public int LoginAttemptLimit { get; set; } = 10;

    /// <summary>The window <see cref="LoginAttemptLimit"/> counts in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LoginAttemptWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a login lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
