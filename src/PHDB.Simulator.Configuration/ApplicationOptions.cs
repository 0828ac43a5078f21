using System.ComponentModel.DataAnnotations;

namespace PHDB.Simulator.Configuration;

/// <summary>One API application: a developer token, OAuth client credentials, an owner and its own rate-limit budget.</summary>
public sealed class ApplicationOptions
{
    /// <summary>The application used when none is configured.</summary>
    public static ApplicationOptions Development =>
        new()
        {
            Name = "PHDB Development",
            ApplicationId = 1001,
            DeveloperToken = "phdb-simulator-dev-token",
            ClientId = "phdb-simulator-client",
            ClientSecret = "phdb-simulator-secret",
        };

    /// <summary>Application name, as named in the <c>utm_source</c> of returned URLs.</summary>
    [Required]
    public string Name { get; set; } = "PHDB";

    /// <summary>Application id, as named in the <c>utm_source</c> of returned URLs.</summary>
    public int ApplicationId { get; set; } = 1001;

    /// <summary>The never-expiring developer token (scopes public, private, write).</summary>
    [Required]
    public string DeveloperToken { get; set; } = "";

    /// <summary>OAuth client id for the client-credentials exchange.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth client secret for the client-credentials exchange.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Id of the user who owns the application; empty picks one of the world's most prolific makers.</summary>
    public int? OwnerUserId { get; set; }

    /// <summary>Points of this application's window; empty uses <c>RateLimit:Points</c>.</summary>
    public int? Points { get; set; }
}
