using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PHDB.Admin.Access;

/// <summary>
/// The login post's rate limit: at most <see cref="AdminAccessOptions.LoginAttemptLimit"/> posts per client (see
/// <see cref="LoginClient"/>) per <see cref="AdminAccessOptions.LoginAttemptWindow"/>. A post over the limit is answered
/// 429 with <c>Retry-After</c> before the password is looked at, so it never counts towards a lockout.
/// </summary>
public static partial class LoginRateLimit
{
    /// <summary>Name of the rate limiting policy on <c>POST /account/login</c>.</summary>
    public const string Policy = "login";

    /// <summary>Registers the rate limiter with the <see cref="Policy"/> policy.</summary>
    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, Partition);
            limiter.OnRejected = RejectAsync;
        });

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<AdminAccessOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(
            LoginClient.Of(context),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.LoginAttemptLimit,
                Window = settings.LoginAttemptWindow,
                QueueLimit = 0,
            }
        );
    }

    private static async ValueTask RejectAsync(
        Microsoft.AspNetCore.RateLimiting.OnRejectedContext rejected,
        CancellationToken cancellationToken
    )
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? wait
            : context.RequestServices.GetRequiredService<IOptions<AdminAccessOptions>>().Value.LoginAttemptWindow;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var client = LoginClient.Of(context);
        LogRejected(
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoginRateLimit)),
            client,
            seconds
        );
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.Response.WriteAsync(
            $"Too many login attempts from this address: try again in {seconds} s.",
            cancellationToken
        );
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Admin login from {Client} refused by the rate limit: retry after {Seconds} s"
    )]
    private static partial void LogRejected(ILogger logger, string client, int seconds);
}
