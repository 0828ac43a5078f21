using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PHDB.Admin.Access;

/// <summary>
/// Checks the admin password in constant time and locks a client's logins for a while after repeated failures.
/// The lockout is per client (see <see cref="LoginClient"/>): one client's wrong passwords never lock out another,
/// so nobody can lock the operator out from elsewhere. Only attempts that passed the login rate limiter get here.
/// </summary>
public sealed partial class AdminLogin(
    IOptions<AdminAccessOptions> options,
    TimeProvider timeProvider,
    ILogger<AdminLogin> logger
)
{
    /// <summary>Past this many clients with failures on record, idle ones are forgotten.</summary>
    internal const int PruneAbove = 4096;

    private readonly Lock gate = new();
    private readonly Dictionary<string, ClientRecord> clients = new(StringComparer.Ordinal);

    /// <summary>When <paramref name="client"/>'s lockout ends, if its logins are locked now.</summary>
    public DateTimeOffset? LockedUntil(string client)
    {
        lock (gate)
        {
            return clients.TryGetValue(client, out var record) && record.LockedUntil > timeProvider.GetUtcNow()
                ? record.LockedUntil
                : null;
        }
    }

    /// <summary>
    /// Checks <paramref name="password"/> from <paramref name="client"/>; counts the client's failures and locks
    /// it after too many.
    /// </summary>
    public LoginOutcome Attempt(string? password, string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            clients.TryGetValue(client, out var record);
            if (record.LockedUntil > now)
            {
                LogRefusedWhileLocked(logger, client, record.LockedUntil.Value);
                return LoginOutcome.LockedOut;
            }

            if (Matches(password ?? "", settings.Password))
            {
                clients.Remove(client);
                LogSucceeded(logger, client);
                return LoginOutcome.Succeeded;
            }

            if (!clients.ContainsKey(client) && clients.Count >= PruneAbove)
            {
                ForgetIdle(now - settings.LockoutDuration);
            }

            var failures = record.Failures + 1;
            if (failures >= settings.LockoutThreshold)
            {
                var until = now + settings.LockoutDuration;
                clients[client] = new ClientRecord(0, until, now);
                LogLockedOut(logger, client, settings.LockoutThreshold, until);
                return LoginOutcome.LockedOut;
            }

            clients[client] = new ClientRecord(failures, null, now);
            LogFailed(logger, client, failures, settings.LockoutThreshold);
            return LoginOutcome.WrongPassword;
        }
    }

    private void ForgetIdle(DateTimeOffset failedBefore)
    {
        foreach (var (key, record) in clients.ToList())
        {
            if (record.LastFailure < failedBefore && !(record.LockedUntil > failedBefore))
            {
                clients.Remove(key);
            }
        }
    }

    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected))
        );

    private readonly record struct ClientRecord(int Failures, DateTimeOffset? LockedUntil, DateTimeOffset LastFailure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin logged in from {Client}")]
    private static partial void LogSucceeded(ILogger logger, string client);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Failed admin login from {Client} ({Failures} of {Threshold} before lockout)"
    )]
    private static partial void LogFailed(ILogger logger, string client, int failures, int threshold);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Admin logins from {Client} locked until {LockedUntil:O} after {Threshold} failures in a row"
    )]
    private static partial void LogLockedOut(ILogger logger, string client, int threshold, DateTimeOffset lockedUntil);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Admin login from {Client} refused: locked until {LockedUntil:O}"
    )]
    private static partial void LogRefusedWhileLocked(ILogger logger, string client, DateTimeOffset lockedUntil);
}
