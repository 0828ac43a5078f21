using Microsoft.Extensions.Logging;
using Npgsql;

namespace PHDB.Migrations;

/// <summary>
/// The least-privilege role the hosts connect as (created by <c>0006_application_role.sql</c>): rows and functions,
/// no schema changes. The migrator, connected as the owner, lets it log in with the password it is given.
/// </summary>
public sealed partial class ApplicationRole(ILogger<ApplicationRole> logger)
{
    /// <summary>The role's name.</summary>
    public const string Name = "phdb_app";

    /// <summary>The migrator's setting holding the role's password (a secret).</summary>
    public const string PasswordKey = "Database:ApplicationPassword";

    /// <summary>
    /// Lets <see cref="Name"/> log in with <paramref name="password"/>, sent as a SCRAM verifier
    /// (<see cref="ScramVerifier"/>); run as the owner (with CREATEROLE) after the migrations.
    /// </summary>
    /// <exception cref="SchemaMigrationException">The server refused (the owner may not alter roles).</exception>
    public async Task AllowLoginAsync(
        string ownerConnectionString,
        string password,
        CancellationToken cancellationToken
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var target = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        try
        {
            await using var connection = new NpgsqlConnection(ownerConnectionString);
            await connection.OpenAsync(cancellationToken);
            // The verifier holds only base64, digits, '$' and ':', nothing a literal must escape.
            await using var alter = new NpgsqlCommand(
                $"ALTER ROLE {Name} LOGIN PASSWORD '{ScramVerifier.Create(password)}'",
                connection
            );
            await alter.ExecuteNonQueryAsync(cancellationToken);
            LogLoginAllowed(logger, Name, target.Host, target.Port);
        }
        catch (PostgresException e)
        {
            throw new SchemaMigrationException(
                $"Cannot let role {Name} log in on {target.Host}:{target.Port} as {target.Username}: {e.MessageText} "
                    + "(the owner needs CREATEROLE)",
                e
            );
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Role {Role} may log in on {Host}:{Port}")]
    private static partial void LogLoginAllowed(ILogger logger, string role, string? host, int port);
}
