using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PHDB.Admin.Access;

/// <summary>
/// Checks the admin password in constant time and locks logins for a while after repeated failures. There is one
/// account, so the lockout is the account's, whoever tries.
/// </summary>
public sealed partial class AdminLogin(
    IOptions<AdminAccessOptions> options,
    TimeProvider timeProvider,
    ILogger<AdminLogin> logger
)
{
    private readonly Lock gate = new();
    private int failures;
    private DateTimeOffset? lockedUntil;

    /// <summary>When the current lockout ends, if logins are locked now.</summary>
    public DateTimeOffset? LockedUntil
    {
        get
        {
            lock (gate)
            {
                return lockedUntil > timeProvider.GetUtcNow() ? lockedUntil : null;
            }
        }
    }

    /// <summary>Checks <paramref name="password"/>; counts failures and locks after too many.</summary>
    public LoginOutcome Attempt(string? password)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (lockedUntil > now)
            {
                LogRefusedWhileLocked(logger, lockedUntil.Value);
                return LoginOutcome.LockedOut;
            }

            if (Matches(password ?? "", settings.Password))
            {
                failures = 0;
                lockedUntil = null;
                LogSucceeded(logger);
                return LoginOutcome.Succeeded;
            }

            failures++;
            if (failures >= settings.LockoutThreshold)
            {
                failures = 0;
                lockedUntil = now + settings.LockoutDuration;
                LogLockedOut(logger, settings.LockoutThreshold, lockedUntil.Value);
                return LoginOutcome.LockedOut;
            }

            LogFailed(logger, failures, settings.LockoutThreshold);
            return LoginOutcome.WrongPassword;
        }
    }

    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected))
        );

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin logged in")]
    private static partial void LogSucceeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed admin login ({Failures} of {Threshold} before lockout)")]
    private static partial void LogFailed(ILogger logger, int failures, int threshold);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Admin logins locked until {LockedUntil:O} after {Threshold} failures in a row"
    )]
    private static partial void LogLockedOut(ILogger logger, int threshold, DateTimeOffset lockedUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin login refused: locked until {LockedUntil:O}")]
    private static partial void LogRefusedWhileLocked(ILogger logger, DateTimeOffset lockedUntil);
}
