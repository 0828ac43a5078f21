using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PHDB.ProductHunt;

namespace PHDB.Cli.Connection;

/// <summary>
/// The Product Hunt API a command checks, and the token it uses: from stdin when asked, else the running AppHost's
/// (the simulator's generated token or the configured one), else <c>ProductHunt__Token</c> in the environment.
/// </summary>
/// <param name="BaseAddress">The API host.</param>
/// <param name="Token">The token; never printed.</param>
/// <param name="TokenSource">Where the token came from, in words.</param>
internal sealed record ApiAccess(Uri BaseAddress, string? Token, string TokenSource)
{
    /// <summary>The live API.</summary>
    public static readonly Uri LiveApi = new("https://api.producthunt.com/");

    /// <summary>The setting users give their token in.</summary>
    public const string TokenSetting = "Parameters:producthunt-token";

    /// <summary>Finds the API and token for this machine.</summary>
    public static ApiAccess Resolve(Uri? apiOption, string? stdinToken, string dataDirectory)
    {
        var runtime = SystemLocator.RunningAppHost(dataDirectory);
        var environmentAddress = Environment.GetEnvironmentVariable("ProductHunt__BaseAddress");
        var address =
            apiOption
            ?? runtime?.ProductHuntBaseAddress
            ?? (
                Uri.TryCreate(environmentAddress, UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : LiveApi
            );
        if (!string.IsNullOrWhiteSpace(stdinToken))
        {
            return new ApiAccess(address, stdinToken.Trim(), "standard input");
        }

        if (!string.IsNullOrWhiteSpace(runtime?.ProductHuntToken))
        {
            return new ApiAccess(address, runtime.ProductHuntToken, "the running AppHost");
        }

        var environmentToken = Environment.GetEnvironmentVariable("ProductHunt__Token");
        return string.IsNullOrWhiteSpace(environmentToken)
            ? new ApiAccess(address, null, "nowhere")
            : new ApiAccess(address, environmentToken, "ProductHunt__Token");
    }

    /// <summary>The last 4 characters of the token, the only part ever shown.</summary>
    public string TokenHint => Token is { Length: > 4 } t ? "…" + t[^4..] : "…";

    /// <summary>A client of this API with this token (one retry; no budget pacing: a check is one request).</summary>
    public ServiceProvider CreateClient()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["ProductHunt:BaseAddress"] = BaseAddress.ToString(),
                    ["ProductHunt:Token"] = Token,
                    ["ProductHunt:MaxRetries"] = "1",
                    ["ProductHunt:AttemptTimeout"] = "00:00:15",
                    ["ProductHunt:RetryBaseDelay"] = "00:00:00.500",
                }
            )
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddProductHuntClient(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Maps the client's errors to one line and an exit code.</summary>
    public CliException Explain(Exception e) =>
        e switch
        {
            ProductHuntAuthenticationException => new CliException(
                ExitCodes.PermissionDenied,
                $"{BaseAddress} refused the token {TokenHint} from {TokenSource}: {e.Message} "
                    + (
                        e.Message.Contains("invalid_oauth_token", StringComparison.Ordinal)
                            ? ""
                            : "(invalid_oauth_token) "
                    )
                    + $"Set a valid developer token in {TokenSetting} (`phdb config set {TokenSetting} -`).",
                e
            ),
            ProductHuntRateLimitException limit => new CliException(
                ExitCodes.TemporaryFailure,
                $"{BaseAddress} is rate limiting this token: the budget resets in {PHDB.Operations.HarvestText.Duration(limit.ResetIn)}.",
                e
            ),
            ProductHuntTransientException
            or ProductHuntCircuitOpenException
            or HttpRequestException
            or TaskCanceledException => CliException.Unavailable($"{BaseAddress} cannot be reached: {e.Message}", e),
            _ => new CliException(ExitCodes.Failure, $"{BaseAddress} answered unexpectedly: {e.Message}", e),
        };

    /// <summary>The error when no token is configured.</summary>
    public static CliException NoToken() =>
        CliException.Configuration(
            $"No Product Hunt token is configured: start PHDB (`dotnet run --project PHDB.AppHost`), set {TokenSetting}, "
                + "or pipe one in with --token-stdin."
        );
}
